// draft.js — X's composer (Draft.js). Root: the contenteditable
// .public-DraftEditor-content. Draft keeps its own EditorState and re-renders
// over any DOM write it did not make; it takes typed text from the
// beforeinput/textInput event of execCommand('insertText') and its selection
// from React's select event, which runs on selectionchange — so the caret is
// placed first and the insert waits one task for Draft to pick it up.
import { readDom } from './dom-text.js';
import { insertViaInputPath } from './replace.js';

export default {
  name: 'draft',
  detect(el) {
    const root = el.closest?.('.public-DraftEditor-content');
    if (root) return root;
    return el.querySelector?.('.public-DraftEditor-content[contenteditable="true"]') ?? null;
  },
  read: readDom,
  async replace(root, start, end, text) {
    // React schedules the select handler from selectionchange; an extra frame
    // lets Draft commit the new SelectionState before the insert arrives.
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return insertViaInputPath(root, start, end, text, { settle });
  },
};
