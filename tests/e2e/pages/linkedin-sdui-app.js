// www.linkedin.com fixture, NEW "SDUI" dialect (React-style hashed classes,
// data-testid / componentkey / data-view-name, no data-urn, no <form>) with a
// real ProseMirror comment editor (div.tiptap.ProseMirror, as LinkedIn's TipTap).
// Same posts as linkedin.html; the URN only sits in data-view-tracking-scope.
import './linkedin.css';
import './linkedin-sdui.css';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { history, undo, redo } from 'prosemirror-history';
import data from './posts.json';
import { postsFor, makePost, summary } from './shared/posts.js';
import { h, ago } from './shared/dom.js';
import { avatarColor, initials } from './shared/rich-text.js';

const AGENT = data.agent.linkedin;
const state = { posted: [], postLog: [], records: [], seq: 0 };
const hash = (s) => { let x = 0; for (const c of s) x = (x * 33 + c.codePointAt(0)) >>> 0; return x.toString(36); };

function avatar(name, handle, size) {
  return h('div', { class: '_5b1e1d2a li-avatar', style: { width: `${size}px`, height: `${size}px`, background: avatarColor(handle) }, 'aria-hidden': 'true' }, h('span', {}, initials(name)));
}

function textBox(text) {
  return h('p', { 'data-view-name': 'feed-commentary', class: '_9c7a4b1e _3f0a9d21' },
    h('span', { 'data-testid': 'expandable-text-box', class: 'b58a1f3c' }, text),
    text.length > 110 ? h('button', { 'data-testid': 'expandable-text-button', type: 'button', class: '_1f9d7c30' }, '…meer') : null);
}

function commentEl(c, own) {
  return h('div', { 'data-id': c.id, componentkey: `replaceableComment_${c.id}`, role: 'article', class: `_0d3c1f7e${own ? ' sdui-own' : ''}` },
    h('div', { class: '_7e1a0b33 sdui-comment' }, avatar(c.name, c.handle, 32),
      h('div', { class: '_2bb0f1aa sdui-bubble' },
        h('a', { href: `https://www.linkedin.com/in/${c.handle}/`, 'data-view-name': 'comment-actor-name', class: '_4f1c2e9d' }, h('p', { class: 'sdui-bold' }, c.name)),
        h('p', { class: '_9c7a4b1e' }, h('span', { 'data-testid': 'expandable-text-box' }, c.text)))));
}

function commentBox(record) {
  const submit = h('button', { type: 'submit', disabled: true, class: '_8a2e4d10 sdui-submit', 'aria-label': 'Reageren' }, 'Reageren');
  const mount = h('div', { 'data-testid': 'ui-core-tiptap-text-editor-wrapper', class: '_61d2a7b0 sdui-editor-wrap' });
  const post = (via) => {
    const text = view.state.doc.textBetween(0, view.state.doc.content.size, '\n', '\n');
    if (text.trim() === '') return true;
    view.dispatch(view.state.tr.delete(0, view.state.doc.content.size));
    state.posted.push(text);
    state.postLog.push({ text, via, postId: record.post.id, index: state.records.indexOf(record) });
    state.seq += 1;
    record.list.prepend(commentEl({ id: `urn:li:comment:(activity:own,${state.seq})`, name: AGENT.name, handle: AGENT.handle, text }, true));
    return true;
  };
  const view = new EditorView(mount, {
    state: EditorState.create({
      schema,
      plugins: [
        history(),
        keymap({ 'Mod-Enter': () => post('keyboard'), 'Shift-Enter': chainCommands(exitCode, (st, dispatch) => {
          if (dispatch) dispatch(st.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
          return true;
        }), 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }),
        keymap(baseKeymap),
      ],
    }),
    attributes: { class: 'tiptap', role: 'textbox', 'aria-label': 'Teksteditor voor het maken van een reactie', 'aria-multiline': 'true', translate: 'no' },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      const empty = view.state.doc.textContent.trim() === '';
      submit.disabled = empty;
      mount.classList.toggle('sdui-empty', view.state.doc.textContent === '');
    },
  });
  mount.classList.add('sdui-empty');
  submit.addEventListener('click', () => post('button'));
  const box = h('div', { 'data-view-name': 'comment-box', class: '_3c9e0f12 sdui-box' },
    // Actor picker of a page admin ("Reageren als <Pagina>"): the account marker (issue 12).
    h('button', { type: 'button', 'data-view-name': 'comment-actor-picker', class: '_7d2a9e10 sdui-actor-picker', 'aria-label': `Reageren als ${AGENT.name}` },
      avatar(AGENT.name, AGENT.handle, 40)),
    h('div', { class: '_0aa91b2c sdui-box-main' }, mount,
      h('div', { componentkey: `commentButtonSection_${record.post.id}`, class: '_5e7d2c41 sdui-box-tools' }, h('span', { class: 'li-muted' }, '🙂 🖼️'), submit)));
  return { box, view };
}

function renderPost(post, index) {
  const record = { post, view: null, list: null, el: null };
  record.list = h('div', { class: '_1d0e7a55 sdui-comments' });
  const { box, view } = commentBox(record);
  record.view = view;
  const scope = JSON.stringify([{ topicName: 'FeedUpdateServedEvent', breadcrumb: { content: { data: { updateUrn: post.id, position: index } } } }]);
  const profile = `https://www.linkedin.com/in/${post.handle}/`;
  const el = h('div', { 'data-view-name': 'feed-full-update', 'data-view-tracking-scope': scope, class: '_6c1e2f0a sdui-card' },
    h('div', { class: '_2f8b1c7d sdui-actor' },
      h('a', { href: profile, 'data-view-name': 'feed-actor-image', 'aria-label': `Profiel van ${post.name} bekijken` }, avatar(post.name, post.handle, 48)),
      h('a', { href: profile, 'data-view-name': 'feed-actor-name', class: '_0b6d3e2f' }, h('p', { class: 'sdui-bold' }, post.name),
        h('p', { class: 'li-muted sdui-small' }, `${ago(post.datetime, 'linkedin')} • 🌐`)),
      h('button', { type: 'button', 'aria-label': `Open het bedieningsmenu voor de post van ${post.name}`, class: '_9e0c1d2b sdui-menu' }, '···')),
    textBox(post.text),
    h('div', { class: 'sdui-actions' }, ...['Vind ik leuk', 'Reageren', 'Reposten', 'Verzenden'].map((t) => h('button', { type: 'button', class: '_7f2a0c1b social-actions-button', 'aria-label': t }, t))),
    box, record.list);
  record.el = el;
  const key = `expanded${hash(post.id)}FeedType_MAIN_FEED_RELEVANCE`;
  const unit = h('div', { 'data-lazy-mount-id': `lazy-${index}` },
    h('div', { 'data-display-contents': 'true' }, h('div', { role: 'listitem', componentkey: key, class: '_1a2b3c4d' }, el)));
  return { unit, record };
}

const lazy = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting) continue;
    lazy.unobserve(e.target);
    const r = state.records.find((x) => x.el === e.target);
    if (r) setTimeout(() => showComments(r), 300);
  }
}, { threshold: 0.01 });

function showComments(r) {
  if (r.shown) return r.post.comments.length;
  r.shown = true;
  for (const c of r.post.comments) r.list.append(commentEl(c, false));
  return r.post.comments.length;
}

function start() {
  const feed = h('div', { 'data-testid': 'mainFeed', componentkey: 'container-update-list_mainFeed-lazy-container', class: '_4e0f2a1c' });
  document.getElementById('app').append(h('div', { class: '_0c1d2e3f sdui-shell' },
    h('header', { class: '_8b7a6c5d global-nav' }, h('div', { class: 'global-nav__content' },
      h('a', { class: 'li-logo', href: 'https://www.linkedin.com/feed/', 'aria-label': 'LinkedIn' }, 'in'),
      h('input', { class: 'search-global-typeahead__input', placeholder: 'Zoeken', 'aria-label': 'Zoeken' }))),
    h('main', { class: '_2d3e4f5a sdui-main', 'aria-label': 'Feed' }, feed)));
  const add = (post, top) => {
    const { unit, record } = renderPost(post, state.records.length);
    if (top) { feed.prepend(unit); state.records.unshift(record); } else { feed.append(unit); state.records.push(record); }
    lazy.observe(record.el);
    return record;
  };
  for (const p of postsFor(data, 'linkedin', 'feed')) add(p, false);
  window.__fixture = {
    site: 'linkedin',
    dialect: 'sdui',
    get posted() { return state.posted; },
    get postLog() { return state.postLog; },
    get posts() { return state.records.map((r) => summary(r.post)); },
    get details() { return state.records.map((r) => r.post); },
    get comments() { return state.records.flatMap((r) => r.post.comments.map((c) => ({ postId: r.post.id, ...summary(c) }))); },
    addPosts(list, { top = false } = {}) {
      const specs = list && list.length ? list : data.linkedin.new;
      return specs.map((s) => { state.seq += 1; return summary(add(makePost(data, 'linkedin', s, state.seq), top).post); });
    },
    loadComments(index) { const r = state.records[index]; return r ? showComments(r) : 0; },
    /** Text of the ProseMirror document of post `index`'s comment box (paragraphs/breaks joined by \n). */
    getEditorText(index = 0) {
      const r = state.records[index];
      return r ? r.view.state.doc.textBetween(0, r.view.state.doc.content.size, '\n', '\n') : null;
    },
  };
}

start();
