// replace.js — replaces a text range of a contenteditable editor through the
// browser's own input path: select the DOM range, let the editor see the new
// selection (selectionchange is delivered asynchronously), then
// document.execCommand('insertText'), which fires beforeinput/textInput/input
// exactly as typing does. The editors (Draft.js, Lexical, Quill, ProseMirror)
// then update their own model, undo stack and caret. Direct DOM writes are
// never used: Draft.js and Quill revert them, Lexical loses them.
import { rangeAt, readDom } from './dom-text.js';

const nextSelectionChange = (doc, timeoutMs) => new Promise((resolve) => {
  let timer = null;
  const done = () => {
    doc.removeEventListener('selectionchange', done);
    clearTimeout(timer);
    resolve();
  };
  doc.addEventListener('selectionchange', done);
  timer = setTimeout(done, timeoutMs);
});

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Puts the caret/selection on text offsets [start, end) of root. */
export async function selectRange(root, start, end, { settle = nextTask } = {}) {
  const doc = root.ownerDocument;
  const model = readDom(root);
  if (doc.activeElement !== root && !root.contains(doc.activeElement)) root.focus({ preventScroll: true });
  const sel = doc.getSelection();
  const changed = nextSelectionChange(doc, 100);
  sel.removeAllRanges();
  sel.addRange(rangeAt(model, start, end));
  await changed;
  await settle();
  return model;
}

/**
 * Replaces [start, end) of the editor's text with `text`. `expect` is the
 * text the editor should read afterwards (checked; the caller may fall back).
 * Returns {ok, text} with the text read back from the DOM.
 */
export async function insertViaInputPath(root, start, end, text, { settle } = {}) {
  const doc = root.ownerDocument;
  const before = readDom(root).text;
  const want = before.slice(0, start) + text + before.slice(end);
  await selectRange(root, start, end, { settle });
  let ok;
  if (text === '') ok = doc.execCommand('delete', false);
  else ok = doc.execCommand('insertText', false, text);
  await nextTask();
  const after = readDom(root).text;
  return { ok: ok && after === want, text: after, want };
}

/**
 * Fallback for editors that ignore execCommand: a synthetic beforeinput
 * (insertReplacementText) that beforeinput-driven editors (Lexical, Slate)
 * handle themselves.
 */
export async function insertViaBeforeInput(root, start, end, text, { settle } = {}) {
  const before = readDom(root).text;
  const want = before.slice(0, start) + text + before.slice(end);
  const model = await selectRange(root, start, end, { settle });
  const range = rangeAt(model, start, end);
  const dt = new DataTransfer();
  dt.setData('text/plain', text);
  const ev = new InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true,
                                              inputType: 'insertReplacementText', data: text, dataTransfer: dt,
                                              targetRanges: [new StaticRange(range)] });
  root.dispatchEvent(ev);
  await nextTask();
  const after = readDom(root).text;
  return { ok: after === want, text: after, want };
}
