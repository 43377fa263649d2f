// quill.js — LinkedIn's legacy comment box (Quill). Root: .ql-editor. Quill
// rebuilds its Delta from DOM mutations and, in Quill 2, handles beforeinput
// insertText over a range itself; its selection follows selectionchange.
// Writing the DOM directly is undone on the next update, so edits go through
// execCommand('insertText').
import { readDom } from './dom-text.js';
import { insertViaInputPath } from './replace.js';

export default {
  name: 'quill',
  detect(el) {
    const root = el.closest?.('.ql-editor');
    if (root) return root;
    return el.querySelector?.('.ql-editor[contenteditable="true"]') ?? null;
  },
  read: readDom,
  replace(root, start, end, text) {
    return insertViaInputPath(root, start, end, text);
  },
};
