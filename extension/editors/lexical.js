// lexical.js — Facebook's composer (Lexical). Root: the element with
// data-lexical-editor="true". Lexical handles beforeinput itself (it reads the
// target range of the event), keeps its selection in sync on selectionchange
// and records history on every update, so execCommand('insertText') over a
// selected range is an ordinary edit. A synthetic insertReplacementText
// beforeinput is the fallback.
import { readDom } from './dom-text.js';
import { insertViaBeforeInput, insertViaInputPath } from './replace.js';

export default {
  name: 'lexical',
  detect(el) {
    const root = el.closest?.('[data-lexical-editor="true"]');
    if (root) return root;
    return el.querySelector?.('[data-lexical-editor="true"][contenteditable="true"]') ?? null;
  },
  read: readDom,
  async replace(root, start, end, text) {
    const first = await insertViaInputPath(root, start, end, text);
    if (first.ok || first.text !== readDom(root).text) return first;
    return insertViaBeforeInput(root, start, end, text);
  },
};
