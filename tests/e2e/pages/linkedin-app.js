// www.linkedin.com fixture, LEGACY dialect (Ember/BEM + Quill): feed posts
// .feed-shared-update-v2[data-urn], lazily loaded comments, and one real
// Quill comment box per post (Ctrl/Cmd+Enter or the submit button posts).
import 'quill/dist/quill.core.css';
import './linkedin.css';
import Quill from 'quill';
import data from './posts.json';
import { postsFor, makePost, summary } from './shared/posts.js';
import { h, ago } from './shared/dom.js';
import { richParts, avatarColor, initials } from './shared/rich-text.js';

const AGENT = data.agent.linkedin;
const EDITOR_LABEL = 'Teksteditor voor het maken van content';
const FIRST_COMMENTS = 1;
const state = { posted: [], postLog: [], records: [], seq: 0 };

const HEADLINES = ['Productmanager bij Exact', 'Recruiter | HR-adviseur', 'IT-manager bij een MKB-bedrijf', 'Consultant duurzame mobiliteit',
  'Office manager', 'Head of IT Operations', 'Accountmanager zakelijke markt', 'Marketing lead', 'Eigenaar webshop'];

function avatar(name, handle, size, cls) {
  return h('div', { class: `ivm-view-attr__img-wrapper li-avatar ${cls || ''}`, style: { width: `${size}px`, height: `${size}px`, background: avatarColor(handle) }, 'aria-hidden': 'true' },
    h('span', {}, initials(name)));
}

function commentary(text) {
  const inner = h('span', { dir: 'ltr' });
  for (const p of richParts(text)) {
    if (p.kind === 'hashtag') inner.append(h('a', { href: `https://www.linkedin.com/feed/hashtag/?keywords=${encodeURIComponent(p.value.slice(1))}`, class: 'app-aware-link' }, p.value));
    else inner.append(p.value);
  }
  return h('div', { class: 'update-components-text relative update-components-update-v2__commentary', dir: 'ltr' },
    h('span', { class: 'break-words tvm-parent-container' }, inner));
}

function actor(post, index) {
  const profile = `https://www.linkedin.com/in/${post.handle}/`;
  return h('div', { class: 'update-components-actor display-flex update-components-actor--with-control-menu' },
    h('div', { class: 'update-components-actor__container display-flex flex-grow-1' },
      h('a', { class: 'update-components-actor__image relative app-aware-link', href: profile, 'aria-label': `Profiel van ${post.name} bekijken` },
        avatar(post.name, post.handle, 48, 'update-components-actor__avatar-image')),
      h('div', { class: 'update-components-actor__meta relative' },
        h('a', { class: 'update-components-actor__meta-link app-aware-link', href: profile },
          h('span', { class: 'update-components-actor__title' },
            h('span', { class: 'update-components-actor__name hoverable-link-text t-14 t-bold text-body-medium-bold white-space-nowrap t-black update-components-actor__single-line-truncate' },
              h('span', { dir: 'ltr' },
                h('span', { 'aria-hidden': 'true' }, post.name),
                h('span', { class: 'visually-hidden' }, `Profiel van ${post.name} bekijken`)))),
          h('span', { class: 'update-components-actor__description text-body-xsmall t-black--light' },
            h('span', { 'aria-hidden': 'true' }, HEADLINES[index % HEADLINES.length]),
            h('span', { class: 'visually-hidden' }, HEADLINES[index % HEADLINES.length]))),
        h('span', { class: 'update-components-actor__sub-description text-body-xsmall t-black--light' },
          h('span', { 'aria-hidden': 'true' }, `${ago(post.datetime, 'linkedin')} • 🌐`)))),
    h('div', { class: 'feed-shared-control-menu feed-shared-update-v2__control-menu absolute text-align-right' },
      h('button', { class: 'feed-shared-control-menu__trigger artdeco-button artdeco-button--tertiary artdeco-button--muted artdeco-button--1 artdeco-button--circle', type: 'button', 'aria-expanded': 'false', 'aria-label': `Menu Controle openen voor bericht van ${post.name}` }, '···')));
}

function commentEntity(c, own) {
  return h('article', { class: `comments-comment-entity${own ? ' comments-comment-entity--own' : ''}`, 'data-id': c.id },
    h('div', { class: 'comments-comment-meta__container' },
      h('a', { class: 'comments-comment-meta__image-link', href: `https://www.linkedin.com/in/${c.handle}/`, 'aria-hidden': 'true', tabindex: '-1' }, avatar(c.name, c.handle, 40)),
      h('div', { class: 'comments-comment-meta__container--parent' },
        h('div', { class: 'comments-comment-meta__actor' },
          h('a', { class: 'comments-comment-meta__description-container', href: `https://www.linkedin.com/in/${c.handle}/` },
            h('span', { class: 'comments-comment-meta__description' },
              h('span', { class: 'comments-comment-meta__description-title' }, c.name))),
          h('time', { class: 'comments-comment-meta__data' }, own ? 'Nu' : ago(c.datetime, 'linkedin'))),
        h('div', { class: 'comments-comment-item-content-body break-words' },
          h('div', { class: 'comments-comment-item__main-content feed-shared-main-content--comment t-14 t-black t-normal', dir: 'ltr' },
            h('div', { class: 'update-components-text relative' },
              h('span', { class: 'break-words tvm-parent-container' }, h('span', { dir: 'ltr' }, c.text))))),
        h('div', { class: 'comments-comment-social-bar--cr' },
          h('button', { type: 'button', class: 'comments-comment-social-bar__action-button', 'aria-label': `Reactie van ${c.name} interessant vinden` }, 'Vind ik leuk'),
          h('button', { type: 'button', class: 'comments-comment-social-bar__action-button', 'aria-label': `Reageren op reactie van ${c.name}` }, 'Reageren')))));
}

function commentBox(record) {
  const container = h('div', { class: 'editor-content ql-container' });
  const submit = h('button', { class: 'comments-comment-box__submit-button--cr artdeco-button artdeco-button--1 artdeco-button--primary ember-view', type: 'submit', disabled: true },
    h('span', { class: 'artdeco-button__text' }, 'Reageren'));
  const form = h('form', { class: 'comments-comment-box__form' },
    h('div', { class: 'comments-comment-box-comment__text-editor comments-comment-texteditor' },
      h('div', { class: 'editor-container relative' }, container)),
    h('div', { class: 'comments-comment-box__detour-container display-flex' },
      h('span', { class: 'li-muted', 'aria-hidden': 'true' }, '🙂 🖼️'), submit));
  const post = (via) => {
    const text = quill.getText().replace(/\n$/, '');
    if (text.trim() === '') return;
    quill.setText('');
    state.posted.push(text);
    state.postLog.push({ text, via, postId: record.post.id, index: state.records.indexOf(record) });
    state.seq += 1;
    record.list.prepend(commentEntity({ id: `urn:li:comment:(activity:own,${state.seq})`, name: AGENT.name, handle: AGENT.handle, text }, true));
  };
  const quill = new Quill(container, {
    formats: ['bold', 'italic', 'link'],
    placeholder: 'Voeg een reactie toe…',
    modules: {
      toolbar: false,
      keyboard: {
        bindings: {
          fixturePost: { key: 'Enter', shortKey: true, handler: () => { post('keyboard'); return false; } },
          fixturePostCtrl: { key: 'Enter', ctrlKey: true, handler: () => { post('keyboard'); return false; } },
        },
      },
    },
  });
  quill.root.setAttribute('aria-label', EDITOR_LABEL);
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  quill.root.setAttribute('aria-placeholder', 'Voeg een reactie toe…');
  quill.root.setAttribute('data-gramm', 'false');
  quill.on('text-change', () => { submit.disabled = quill.getText().trim() === ''; });
  form.addEventListener('submit', (e) => { e.preventDefault(); post('button'); });
  const box = h('div', { class: 'comments-comment-box comments-comment-box--cr' },
    h('div', { class: 'comments-comment-box__form-container' },
      // Page admins pick who comments ("Reageren als <Pagina>"): the account marker (issue 12).
      h('button', { type: 'button', class: 'comments-comment-box__actor-toggle artdeco-button artdeco-button--tertiary', 'aria-label': `Reageren als ${AGENT.name}` },
        avatar(AGENT.name, AGENT.handle, 40, 'comments-comment-box__avatar')), form));
  return { box, quill };
}

function loadComments(record, all) {
  const shown = record.list.querySelectorAll('article.comments-comment-entity:not(.comments-comment-entity--own)').length;
  const want = all ? record.post.comments.length : Math.min(record.post.comments.length, Math.max(shown, FIRST_COMMENTS));
  for (const c of record.post.comments.slice(shown, want)) record.list.insertBefore(commentEntity(c, false), record.more);
  record.more.hidden = want >= record.post.comments.length;
  return want;
}

function renderPost(post, index) {
  const record = { post, quill: null, list: null, more: null, el: null };
  const count = post.comments.length;
  record.list = h('div', { class: 'comments-comments-list comments-comments-list--cr' });
  record.more = h('button', { class: 'comments-comments-list__load-more-comments-button--cr artdeco-button artdeco-button--muted artdeco-button--1 artdeco-button--tertiary', type: 'button', hidden: true },
    h('span', { class: 'artdeco-button__text' }, 'Meer reacties laden'));
  record.more.addEventListener('click', () => setTimeout(() => loadComments(record, true), 150));
  record.list.append(record.more);
  const { box, quill } = commentBox(record);
  record.quill = quill;
  const long = post.text.length > 110;
  const el = h('div', { class: 'feed-shared-update-v2 feed-shared-update-v2--minimal-padding full-height relative feed-shared-update-v2--e2e artdeco-card', 'data-urn': post.id, role: 'region', 'aria-label': `Feedupdate nummer ${index + 1}` },
    h('div', { class: 'feed-shared-update-v2__control-menu-container' },
      h('h2', { class: 'visually-hidden' }, `Feedbericht nummer ${index + 1}`),
      actor(post, index),
      h('div', { class: 'feed-shared-update-v2__description-wrapper' },
        h('div', { class: `feed-shared-inline-show-more-text feed-shared-update-v2__description feed-shared-inline-show-more-text--minimal-padding${long ? ' feed-shared-inline-show-more-text--3-lines' : ''}`, tabindex: '-1' },
          commentary(post.text),
          long ? h('button', { class: 'feed-shared-inline-show-more-text__see-more-less-toggle see-more t-14 t-black--light t-normal hoverable-link-text', type: 'button', 'aria-label': 'meer, laat meer inhoud zien', onclick: (e) => e.currentTarget.parentElement.classList.remove('feed-shared-inline-show-more-text--3-lines') }, '…meer') : null)),
      h('div', { class: 'social-details-social-counts' },
        h('span', { class: 'social-details-social-counts__reactions-count li-muted' }, `👍💡 ${12 + index * 7}`),
        count ? h('button', { type: 'button', class: 'social-details-social-counts__comments li-muted', 'aria-label': `${count} reacties op het bericht van ${post.name}`, onclick: () => loadComments(record, true) }, `${count} reacties`) : h('span', {})),
      h('div', { class: 'feed-shared-social-action-bar feed-shared-social-action-bar--full-width display-flex' },
        ...[['Vind ik leuk', '👍'], ['Reageren', '💬'], ['Reposten', '🔁'], ['Verzenden', '➤']].map(([t, i]) =>
          h('span', { class: 'feed-shared-social-action-bar__action-button' },
            h('button', { type: 'button', class: 'artdeco-button artdeco-button--muted artdeco-button--4 artdeco-button--tertiary social-actions-button', 'aria-label': t === 'Reageren' ? 'Reageren' : t },
              h('span', { 'aria-hidden': 'true' }, i), h('span', { class: 'artdeco-button__text' }, t))))),
      h('div', { class: 'feed-shared-update-v2__comments-container' }, box, record.list)));
  record.el = el;
  const unit = h('div', { 'data-finite-scroll-hotkey-item': String(index) },
    h('div', { class: 'relative ember-view occludable-update', 'data-id': post.id }, el));
  return { unit, record };
}

// Comments arrive a moment after a post scrolls into view, as on LinkedIn.
const lazy = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting) continue;
    lazy.unobserve(e.target);
    const record = state.records.find((r) => r.el === e.target);
    if (record && record.post.comments.length) setTimeout(() => loadComments(record, false), 300);
  }
}, { rootMargin: '0px', threshold: 0.01 });

function start() {
  const content = h('div', { class: 'scaffold-finite-scroll__content', 'data-finite-scroll-hotkey-context': 'FEED' });
  const main = h('main', { id: 'main', class: 'scaffold-layout__main', 'aria-label': 'Main Feed' },
    h('div', { class: 'share-box-feed-entry__closed-share-box artdeco-card li-share' },
      avatar(AGENT.name, AGENT.handle, 48), h('button', { class: 'artdeco-button share-box-feed-entry__trigger', type: 'button' }, 'Bericht starten')),
    h('div', { class: 'li-sort li-muted' }, 'Sorteren op: ', h('b', {}, 'Top')),
    h('div', { class: 'scaffold-finite-scroll scaffold-finite-scroll--infinite' }, content));
  const sidebar = h('aside', { class: 'scaffold-layout__sidebar', 'aria-label': 'Zijbalk' },
    h('div', { class: 'artdeco-card li-profile' }, h('div', { class: 'li-profile-bg' }), avatar(AGENT.name, AGENT.handle, 72, 'li-profile-avatar'),
      h('div', { class: 'li-profile-name' }, AGENT.name), h('div', { class: 'li-muted' }, 'Webcare-medewerker')));
  const aside = h('aside', { class: 'scaffold-layout__aside', 'aria-label': 'LinkedIn Nieuws' },
    h('div', { class: 'artdeco-card li-news' }, h('h2', {}, 'LinkedIn Nieuws'), ...['Webcare blijft groeien', 'Klantenservice via chat', 'Nieuwe regels voor bezorging'].map((t) => h('div', { class: 'li-news-item' }, t))));
  const nav = h('header', { id: 'global-nav', class: 'global-nav global-alert-offset-top' },
    h('div', { class: 'global-nav__content' },
      h('a', { class: 'li-logo', href: 'https://www.linkedin.com/feed/', 'aria-label': 'LinkedIn' }, 'in'),
      h('input', { class: 'search-global-typeahead__input', placeholder: 'Zoeken', 'aria-label': 'Zoeken' }),
      h('nav', { class: 'global-nav__nav', 'aria-label': 'Primaire navigatie' },
        ...['Startpagina', 'Mijn netwerk', 'Vacatures', 'Berichten', 'Meldingen'].map((t, i) => h('a', { class: `global-nav__primary-link${i === 0 ? ' global-nav__primary-link--active' : ''}`, href: '#' }, t)))));
  document.getElementById('app').append(h('div', { class: 'application-outlet' }, nav,
    h('div', { class: 'authentication-outlet', id: 'voyager-feed' },
      h('div', { class: 'scaffold-layout scaffold-layout--breakpoint-xl scaffold-layout--sidebar-main-aside' },
        h('div', { class: 'scaffold-layout__inner scaffold-layout-container scaffold-layout-container--reflow' },
          h('div', { class: 'scaffold-layout__row scaffold-layout__content scaffold-layout__content--sidebar-main-aside' }, sidebar, main, aside))))));

  const add = (post, top) => {
    const { unit, record } = renderPost(post, state.records.length);
    if (top) { content.prepend(unit); state.records.unshift(record); } else { content.append(unit); state.records.push(record); }
    lazy.observe(record.el);
    return record;
  };
  for (const p of postsFor(data, 'linkedin', 'feed')) add(p, false);

  window.__fixture = {
    site: 'linkedin',
    dialect: 'legacy',
    get posted() { return state.posted; },
    get postLog() { return state.postLog; },
    get posts() { return state.records.map((r) => summary(r.post)); },
    get details() { return state.records.map((r) => r.post); },
    get comments() { return state.records.flatMap((r) => r.post.comments.map((c) => ({ postId: r.post.id, ...summary(c) }))); },
    addPosts(list, { top = false } = {}) {
      const specs = list && list.length ? list : data.linkedin.new;
      return specs.map((s) => { state.seq += 1; return summary(add(makePost(data, 'linkedin', s, state.seq), top).post); });
    },
    /** Show every comment of post `index` now (no lazy delay); returns the count. */
    loadComments(index) { const r = state.records[index]; return r ? loadComments(r, true) : 0; },
    /** quill.getText() of post `index`'s comment box, without Quill's trailing newline. */
    getEditorText(index = 0) {
      const r = state.records[index];
      return r ? r.quill.getText().replace(/\n$/, '') : null;
    },
  };
}

start();
