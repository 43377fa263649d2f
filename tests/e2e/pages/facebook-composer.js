// Facebook's comment composer: a real Lexical editor
// (div[role=textbox][contenteditable][data-lexical-editor][aria-label^="Reageer als"]).
// Bare Enter submits, Shift+Enter inserts a line break; a "Reageren" button also submits.
import {
  createEditor, $getRoot, $createParagraphNode, KEY_ENTER_COMMAND, COMMAND_PRIORITY_HIGH,
} from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { h } from './shared/dom.js';

const THEME = {
  paragraph: 'xdj266r x14z9mp xat24cr x1lziwak x16tdsg8',
  text: { bold: 'x1s688f', italic: 'x1k4tb9n' },
};

function readText(editor) {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

export function createComposer({ label, avatar, onSubmit }) {
  const root = h('div', {
    'aria-label': label, 'aria-placeholder': label, contenteditable: 'true', role: 'textbox',
    spellcheck: 'true', tabindex: '0', 'aria-describedby': undefined,
    class: 'xzsf02u x1a2a7pz x1n2onr6 x14wi4xw notranslate fb-editor',
    style: 'user-select: text; white-space: pre-wrap; word-break: break-word;',
  });
  const placeholder = h('div', { 'aria-hidden': 'true', class: 'xi81zsa x6ikm8r x10wlt62 x47corl x10l6tqk x17qophe xlyipyv x13vifvy x87ps6o xuxw1ft fb-placeholder' }, `${label}…`);
  const submitButton = h('div', { 'aria-label': 'Reageren', role: 'button', tabindex: '-1', 'aria-disabled': 'true', class: 'x1i10hfl xjbqb8w x1ejq31n x18oe1m7 fb-submit' },
    h('span', { class: 'fb-submit-icon', 'aria-hidden': 'true' }, '➤'));

  const editor = createEditor({
    namespace: 'CometUFIComment',
    theme: THEME,
    nodes: [HeadingNode, QuoteNode],
    onError: (e) => { throw e; },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);

  const submit = (via) => {
    const text = readText(editor);
    if (text.trim() === '') return false;
    editor.update(() => {
      const r = $getRoot();
      r.clear();
      r.append($createParagraphNode());
    }, { discrete: true });
    onSubmit(text, via);
    return true;
  };

  editor.registerCommand(KEY_ENTER_COMMAND, (event) => {
    if (!event || event.shiftKey || event.isComposing) return false;
    event.preventDefault();
    submit('enter');
    return true;
  }, COMMAND_PRIORITY_HIGH);

  editor.registerTextContentListener((text) => {
    const empty = text.trim() === '';
    placeholder.style.display = text === '' ? '' : 'none';
    if (empty) submitButton.setAttribute('aria-disabled', 'true');
    else submitButton.removeAttribute('aria-disabled');
    submitButton.tabIndex = empty ? -1 : 0;
  });

  submitButton.addEventListener('click', () => {
    if (submitButton.getAttribute('aria-disabled') === 'true') return;
    submit('button');
  });

  const element = h('div', { class: 'x1n2onr6 x1iorvi4 x78zum5 x1q0g3np x1a2a7pz fb-composer' },
    avatar,
    h('div', { class: 'x1r8uery x1iyjqo2 x6ikm8r x10wlt62 x1pi30zi' },
      h('form', { role: 'presentation', class: 'x1ed109x x1n2onr6 xmjcpbm x1tlxs6b x1g8br2z x1gn5b1j x230xth x9f619 fb-form', onsubmit: (e) => e.preventDefault() },
        h('div', { class: 'xh8yej3 x1n2onr6 fb-editor-wrap' }, root, placeholder),
        h('div', { class: 'x6s0dn4 x78zum5 x1q0g3np fb-composer-tools' },
          h('div', { class: 'fb-muted fb-tools', 'aria-hidden': 'true' }, '🙂 📷 GIF'),
          h('div', { class: 'x1i10hfl fb-submit-wrap' }, submitButton)))));
  return { element, editor, root, submit };
}
