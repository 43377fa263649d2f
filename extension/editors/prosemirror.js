// prosemirror.js — LinkedIn's newer comment box (TipTap on ProseMirror).
// Root: .ProseMirror. ProseMirror reads native edits back from the DOM
// (its DOMObserver) and handles beforeinput for deletions; execCommand
// insertText over a selected range is the path it supports best.
import { readDom } from './dom-text.js';
import { insertViaInputPath } from './replace.js';

export default {
  name: 'prosemirror',
  detect(el) {
    const root = el.closest?.('.ProseMirror');
    if (root) return root;
    return el.querySelector?.('.ProseMirror[contenteditable="true"]') ?? null;
  },
  read: readDom,
  replace(root, start, end, text) {
    return insertViaInputPath(root, start, end, text);
  },
};
