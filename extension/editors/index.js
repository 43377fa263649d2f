// index.js — picks the editor module for a composer element. Order matters
// only for nested editors (none today); the generic module covers any other
// contenteditable with the same input path.
import { readDom } from './dom-text.js';
import draft from './draft.js';
import lexical from './lexical.js';
import prosemirror from './prosemirror.js';
import quill from './quill.js';
import { insertViaInputPath } from './replace.js';

const generic = {
  name: 'contenteditable',
  detect(el) {
    if (el.isContentEditable) {
      let root = el;
      while (root.parentElement?.isContentEditable) root = root.parentElement;
      return root;
    }
    return null;
  },
  read: readDom,
  replace: (root, start, end, text) => insertViaInputPath(root, start, end, text),
};

export const EDITORS = [draft, lexical, quill, prosemirror, generic];

/** {editor, root} for an element inside (or containing) a composer, or null. */
export function editorFor(el) {
  for (const editor of EDITORS) {
    const root = editor.detect(el);
    if (root) return { editor, root };
  }
  return null;
}
