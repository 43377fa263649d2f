// X's reply composer: a real Draft.js editor (div[data-testid="tweetTextarea_0"])
// and the post button, disabled while the editor is empty.
// Ctrl/Cmd+Enter in the editor or a click on the button posts.
import React, { useEffect, useRef, useState } from 'react';
import { Editor, EditorState, getDefaultKeyBinding } from 'draft-js';

const POST_COMMAND = 'fixture-post';

/** Registry of mounted composers so window.__fixture can read the Draft.js model. */
export const editors = new Set();

export function Composer({ testid = 'tweetTextarea_0', buttonTestid, buttonLabel, placeholder,
  onPost, autoFocus = false, inline = false }) {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const stateRef = useRef(editorState);
  const editorRef = useRef(null);
  const rootRef = useRef(null);

  const change = (next) => { stateRef.current = next; setEditorState(next); };

  useEffect(() => {
    const entry = {
      testid,
      element: () => rootRef.current,
      text: () => stateRef.current.getCurrentContent().getPlainText(),
      state: () => stateRef.current,
    };
    editors.add(entry);
    return () => { editors.delete(entry); };
  }, [testid]);

  useEffect(() => {
    if (autoFocus && editorRef.current) editorRef.current.focus();
  }, [autoFocus]);

  const submit = (via) => {
    const text = stateRef.current.getCurrentContent().getPlainText();
    if (text.trim() === '') return false;
    change(EditorState.moveFocusToEnd(EditorState.createEmpty()));
    onPost(text, via);
    return true;
  };

  const keyBindingFn = (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return POST_COMMAND;
    return getDefaultKeyBinding(e);
  };
  const handleKeyCommand = (command) => {
    if (command !== POST_COMMAND) return 'not-handled';
    submit('keyboard');
    return 'handled';
  };

  const text = editorState.getCurrentContent().getPlainText();
  const disabled = text.trim() === '';
  const weighted = [...text].length;

  return (
    <div ref={rootRef} className={`css-175oi2r r-composer${inline ? ' r-composer-inline' : ''}`}>
      <div className="css-175oi2r r-kemksi r-184en5c">
        <div className="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-1h8ys4a r-1bylmt5 r-13tjlyg r-7qyjyx r-1ftll1t">
          <div className="css-175oi2r r-184en5c">
            <div className="css-175oi2r r-1iusvr4 r-16y2uox r-1bymd8e r-13qz1uu">
              <div className="css-175oi2r r-1wbh5a2 r-editor-box" data-testid={`${testid}RichTextInputContainer`}
                onClick={() => editorRef.current && editorRef.current.focus()}>
                <Editor
                  ref={editorRef}
                  editorState={editorState}
                  onChange={change}
                  keyBindingFn={keyBindingFn}
                  handleKeyCommand={handleKeyCommand}
                  placeholder={placeholder}
                  webDriverTestID={testid}
                  ariaLabel="Posttekst"
                  ariaMultiline
                  role="textbox"
                  spellCheck
                  stripPastedStyles
                />
              </div>
            </div>
          </div>
        </div>
        <div className="css-175oi2r r-1iusvr4 r-16y2uox r-18u37iz r-1wtj0ep r-toolbar">
          <div className="css-175oi2r r-18u37iz r-1h0z5md r-muted r-toolbar-icons" aria-hidden="true">🖼️ GIF 📊 🙂 📍</div>
          <div className="css-175oi2r r-18u37iz r-1awozwy">
            <div className="css-175oi2r r-counter" aria-hidden="true">{weighted > 0 ? 280 - weighted : ''}</div>
            <button role="button" type="button" data-testid={buttonTestid}
              aria-disabled={disabled ? 'true' : undefined} disabled={disabled} tabIndex={disabled ? -1 : 0}
              className="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-1cwvpvk r-2yi16 r-1qi8awa r-3pj75a r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l r-post-button"
              onClick={() => submit('button')}>
              <div dir="ltr" className="css-146c3p1 r-bcqeeo r-qvutc0 r-37j5jr r-q4m81j r-a023e6 r-rjixqe r-b88u0q r-1awozwy r-6koalj r-18u37iz r-16y2uox r-1777fci">
                <span className="css-1jxf684 r-dnmrzs r-1udh08x r-3s2u2q r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1inkyih r-rjixqe">
                  <span className="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">{buttonLabel}</span>
                </span>
              </div>
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Text in the Draft.js model of the composer with this testid (modal first). */
export function editorText(testid = 'tweetTextarea_0') {
  const live = [...editors].filter((e) => e.testid === testid && e.element() && e.element().isConnected);
  const inModal = live.find((e) => e.element().closest('[aria-labelledby="modal-header"]'));
  const pick = inModal || live[live.length - 1];
  return pick ? pick.text() : null;
}
