// www.facebook.com fixture (Dutch UI): a feed with role=article posts, two
// posts that only carry data-ad-rendering-role hooks, zero-width decoys,
// nested comment articles and one real Lexical comment composer per post.
import './facebook.css';
import data from './posts.json';
import { postsFor, makePost, summary } from './shared/posts.js';
import { h, ago } from './shared/dom.js';
import { avatarColor, initials } from './shared/rich-text.js';
import { $getRoot } from 'lexical';
import { createComposer } from './facebook-composer.js';

const AGENT = data.agent.facebook;
const state = { posted: [], postLog: [], records: [], seq: 0, uid: 0 };
const uid = () => `:r${(state.uid += 1).toString(36)}:`;
const cft = (n) => `__cft__[0]=AZX${(n * 7919).toString(36)}Qk&__tn__=%2CO%2CP-R`;

function avatar(name, handle, size) {
  return h('div', { class: 'x1rg5ohu x1n2onr6 x3ajldb x1ja2u2z fb-avatar', style: { width: `${size}px`, height: `${size}px`, background: avatarColor(handle) }, 'aria-hidden': 'true' },
    h('span', { class: 'fb-initials' }, initials(name)));
}

function profileName(name, shownName, handle, id) {
  return h('div', { 'data-ad-rendering-role': 'profile_name', class: 'xu06os2 x1ok221b' },
    h('h3', { id, class: 'html-h3 xdj266r x14z9mp xat24cr x1lziwak xexx8yu xyri2b x18d9i69 x1c1uobl x1vvkbs x1heor9g x1qlqyl8 x1pd3egz x1a2a7pz x1gslohp x1yc453h' },
      h('span', { class: 'html-span xdj266r x14z9mp xat24cr x1lziwak xexx8yu xyri2b x18d9i69 x1c1uobl x1hl2dhg x16tdsg8 x1vvkbs' },
        h('strong', { class: 'html-strong xdj266r x14z9mp xat24cr x1lziwak xexx8yu xyri2b x18d9i69 x1c1uobl x1hl2dhg x16tdsg8 x1vvkbs x1s688f' },
          h('span', {},
            h('a', { href: `https://www.facebook.com/${handle}?__cft__[0]=AZX&__tn__=-UC%2CP-R`, role: 'link', tabindex: '0', class: 'x1i10hfl xjbqb8w x1ejq31n x18oe1m7 x1sy0etr xstzfhl x972fbf x10w94by x1qhh985 x14e42zd x9f619 x1ypdohk xt0psk2 xe8uvvx xdj266r fb-name-link', 'aria-label': name },
              h('span', {}, shownName)))))));
}

function storyMessage(text) {
  const paras = text.split('\n');
  return h('div', { 'data-ad-rendering-role': 'story_message', class: 'html-div xdj266r x14z9mp xat24cr x1lziwak xexx8yu xyri2b x18d9i69 x1c1uobl' },
    h('div', { 'data-ad-comet-preview': 'message', 'data-ad-preview': 'message', class: 'x1iorvi4 x1pi30zi xjkvuk6 x1swvt13 fb-message' },
      h('div', { class: 'x78zum5 xdt5ytf xz62fqu x16ldp7u' },
        h('div', { class: 'xu06os2 x1ok221b' },
          h('span', { class: 'x193iq5w xeuugli x13faqbe x1vvkbs x1xmvt09 x1lliihq x1s928wv xhkezso x1gmr53x x1cpjm7i x1fgarty x1943h6x xudqn12 x3x7a5m x6prxxf xvq8zen xo1l8bm xzsf02u x1yc453h', dir: 'auto' },
            paras.map((p) => h('div', { class: 'xdj266r x14z9mp xat24cr x1lziwak x1vvkbs x126k92a' },
              h('div', { dir: 'auto', style: 'text-align: start;' }, p))))))));
}

function commentArticle(c, { own = false } = {}) {
  const label = `Reactie van ${c.name} ${ago(c.datetime)} geleden`;
  return h('div', { class: 'x1n2onr6 x1ye3gou x1iorvi4 x78zum5 x1q0g3np x1a2a7pz fb-comment-row' },
    h('div', { role: 'article', 'aria-label': label, tabindex: '-1', class: 'x1lliihq xjkvuk6 x1iorvi4 fb-comment', 'data-fixture-comment-id': c.id },
      avatar(c.name, c.handle, 32),
      h('div', { class: 'x1r8uery x1iyjqo2 x6ikm8r x10wlt62 x1pi30zi' },
        h('div', { class: 'x1lliihq xjkvuk6 x1iorvi4 fb-bubble' },
          h('span', { class: 'x3nfvp2' },
            h('a', { href: `https://www.facebook.com/${c.handle}?comment_id=${c.id}&${cft(1)}`, role: 'link', class: 'x1i10hfl fb-comment-author' },
              h('span', { class: 'x193iq5w xeuugli x13faqbe x1vvkbs', dir: 'auto' }, c.name))),
          h('div', { class: 'x1lliihq xjkvuk6 x1iorvi4' },
            h('span', { dir: 'auto', lang: 'nl-NL', class: 'x193iq5w xeuugli x13faqbe x1vvkbs x1xmvt09' },
              h('div', { class: 'xdj266r x14z9mp xat24cr x1lziwak x1vvkbs' },
                h('div', { dir: 'auto', style: 'text-align: start;' }, c.text))))),
        h('ul', { class: 'html-ul fb-comment-actions' },
          h('li', {}, h('a', { href: `https://www.facebook.com/${c.handle}/posts/${c.id}?comment_id=${c.id}`, role: 'link', class: 'fb-muted' }, own ? 'Zojuist' : ago(c.datetime))),
          h('li', {}, h('div', { role: 'button', tabindex: '0', class: 'fb-muted fb-bold' }, 'Vind ik leuk')),
          h('li', {}, h('div', { role: 'button', tabindex: '0', class: 'fb-muted fb-bold' }, 'Beantwoorden'))))));
}

function actionButton(label, text, icon) {
  return h('div', { class: 'x9f619 x1n2onr6 x1ja2u2z x78zum5 x1r8uery x1iyjqo2 xs83m0k xeuugli fb-action-cell' },
    h('div', { 'aria-label': label, role: 'button', tabindex: '0', class: 'x1i10hfl x1qjc9v5 xjbqb8w xjqpnuy xa49m3k xqeqjp1 x2hbi6w x13fuv20 xu3j5b3 x1q0q8m5 x26u7qi x972fbf xcfux6l x1qhh985 xm0m39n x9f619 x1ypdohk xdl72j9 x2lah0s xe8uvvx fb-action' },
      h('span', { 'aria-hidden': 'true', class: 'fb-action-icon' }, icon), h('span', {}, text)));
}

function renderPost(post, index) {
  const nameId = uid();
  const textId = uid();
  const inner = h('div', { class: 'x1n2onr6 x1ja2u2z x1jx94hy x1qpq9i9 xdney7k xu5ydu1 xt3gfkd x9f619 xh8yej3 x6ikm8r x10wlt62 xquyuld fb-card' });
  const attrs = post.article
    ? { 'aria-posinset': String(index + 1), 'aria-setsize': '-1', 'aria-labelledby': nameId, 'aria-describedby': textId, role: 'article', class: 'x1a2a7pz' }
    : { class: 'x1a2a7pz x1n2onr6' };
  const postEl = h('div', attrs, inner);
  const header = h('div', { class: 'x78zum5 x1q0g3np x1qughib xz9dl7a fb-post-header' },
    avatar(post.name, post.handle, 40),
    h('div', { class: 'x1iyjqo2 x1pi30zi fb-post-meta' },
      profileName(post.name, post.shownName, post.handle, nameId),
      h('div', { class: 'fb-muted fb-small' },
        h('span', {}, h('a', { href: `${post.url}?${cft(index + 1)}`, 'aria-label': ago(post.datetime), role: 'link', class: 'x1i10hfl fb-muted fb-time' },
          h('span', {}, ago(post.datetime)))),
        h('span', { 'aria-hidden': 'true' }, ' · '),
        h('span', { 'aria-label': 'Gedeeld met Openbaar', role: 'img' }, '🌐'))),
    h('div', { 'aria-label': 'Acties voor dit bericht', 'aria-haspopup': 'menu', 'aria-expanded': 'false', role: 'button', tabindex: '0', class: 'x1i10hfl fb-menu' }, '···'));
  const message = storyMessage(post.shownText);
  message.id = textId;
  const comments = h('div', { class: 'x1jx94hy x12nagc fb-comments' });
  const count = post.comments.length;
  const summaryRow = h('div', { class: 'x6s0dn4 xi81zsa x78zum5 x6prxxf x13a6bvl xvq8zen xdj266r fb-summary fb-muted' },
    h('span', { 'aria-label': 'Vind ik leuk: 12 mensen', role: 'img' }, '👍❤️ 12'),
    h('span', {}, count ? `${count} opmerking${count === 1 ? '' : 'en'}` : ''));
  const actions = h('div', { class: 'x9f619 x1n2onr6 x1ja2u2z x78zum5 x2lah0s x1qughib x1qjc9v5 xozqiw3 x1q0g3np fb-actions' },
    actionButton('Vind ik leuk', 'Vind ik leuk', '👍'),
    actionButton('Laat een reactie achter', 'Reageren', '💬'),
    actionButton('Stuur dit naar vrienden of plaats het in je tijdlijn', 'Delen', '↗'));
  for (const c of post.comments) comments.append(commentArticle(c));
  const record = { post, el: postEl, comments, editor: null };
  const composer = createComposer({
    label: `Reageer als ${AGENT.name}`,
    avatar: avatar(AGENT.name, AGENT.handle, 32),
    onSubmit: (text, via) => {
      state.posted.push(text);
      state.postLog.push({ text, via, postId: post.id, index: state.records.indexOf(record) });
      state.seq += 1;
      comments.append(commentArticle({ id: `own-${state.seq}`, name: AGENT.name, handle: AGENT.handle, text, datetime: new Date(Date.UTC(2026, 2, 2, 9, 30)).toISOString() }, { own: true }));
    },
  });
  record.editor = composer.editor;
  inner.append(h('div', { class: 'html-div fb-post-body' }, header, message, summaryRow, actions, comments, composer.element));
  // Facebook wraps each feed unit in a plain div.
  const unit = h('div', { class: 'x1lliihq' }, h('div', { class: 'x78zum5 xdt5ytf' }, postEl));
  return { unit, record };
}

function leftNav() {
  const item = (icon, label) => h('li', {}, h('a', { href: '#', role: 'link', class: 'fb-nav-item' }, h('span', { class: 'fb-nav-icon', 'aria-hidden': 'true' }, icon), h('span', {}, label)));
  return h('div', { role: 'navigation', 'aria-label': 'Snelkoppelingen', class: 'x9f619 x1n2onr6 x1ja2u2z fb-left' },
    h('ul', {}, h('li', {}, h('a', { href: `https://www.facebook.com/${AGENT.handle}`, role: 'link', class: 'fb-nav-item' }, avatar(AGENT.name, AGENT.handle, 28), h('span', {}, AGENT.name))),
      item('👥', 'Vrienden'), item('🕘', 'Herinneringen'), item('🔖', 'Opgeslagen'), item('👪', 'Groepen'), item('▶', 'Video'), item('🏪', 'Marketplace')));
}

function topBar() {
  return h('div', { role: 'banner', class: 'x9f619 x1n2onr6 x1ja2u2z fb-top' },
    h('a', { href: 'https://www.facebook.com/', 'aria-label': 'Facebook', class: 'fb-logo' }, 'f'),
    h('label', { class: 'fb-search' }, h('input', { type: 'search', placeholder: 'Zoeken op Facebook', 'aria-label': 'Zoeken op Facebook' })),
    h('div', { role: 'navigation', 'aria-label': 'Facebook', class: 'fb-tabs' },
      ...['🏠', '▶', '🏪', '👪'].map((t, i) => h('a', { href: '#', class: `fb-tab${i === 0 ? ' fb-tab-active' : ''}`, 'aria-label': ['Startpagina', 'Video', 'Marketplace', 'Groepen'][i] }, t))),
    h('div', { class: 'fb-account' }, avatar(AGENT.name, AGENT.handle, 40)));
}

function start() {
  const feed = h('div', { role: 'feed', class: 'x1hc1fzr x1unhpq9 x6o7n8i fb-feed' },
    h('h3', { class: 'html-h3 x1lliihq x1s85apg fb-visually-hidden', dir: 'auto' }, 'Berichten in nieuwsoverzicht'));
  const main = h('div', { role: 'main', class: 'x1hc1fzr x1unhpq9 x6o7n8i fb-main' },
    h('div', { class: 'x1yztbdb fb-card fb-create' }, avatar(AGENT.name, AGENT.handle, 40),
      h('div', { role: 'button', tabindex: '0', class: 'fb-create-input' }, `Wat wil je delen, ${AGENT.name.split(' ')[0]}?`)),
    feed);
  const rightCol = h('div', { role: 'complementary', 'aria-label': 'Gesponsord en contacten', class: 'fb-right' },
    h('h3', { class: 'fb-muted' }, 'Contactpersonen'), ...['Marieke de Jong', 'Erik van der Linden', 'Kees Brink'].map((n) => h('div', { class: 'fb-contact' }, avatar(n, n, 28), h('span', {}, n))));
  document.getElementById('mount_0_0_Fx').append(
    h('div', { class: 'x9f619 x1n2onr6 x1ja2u2z' }, topBar(),
      h('div', { class: 'x9f619 x1n2onr6 x78zum5 fb-columns' }, leftNav(), main, rightCol)));

  const add = (post, top) => {
    const { unit, record } = renderPost(post, state.records.length);
    if (top) { feed.insertBefore(unit, feed.children[1] || null); state.records.unshift(record); } else { feed.append(unit); state.records.push(record); }
    return record;
  };
  for (const p of postsFor(data, 'facebook', 'feed')) add(p, false);

  window.__fixture = {
    site: 'facebook',
    get posted() { return state.posted; },
    get postLog() { return state.postLog; },
    /** Feed posts in DOM order: {id, handle, name, text, expectedType} (text without decoys). */
    get posts() { return state.records.map((r) => summary(r.post)); },
    get details() { return state.records.map((r) => r.post); },
    get comments() {
      return state.records.flatMap((r) => r.post.comments.map((c) => ({ postId: r.post.id, ...summary(c) })));
    },
    /** Append posts (text keys from posts.json or {text, name, handle, expectedType}); {top: true} prepends. */
    addPosts(list, { top = false } = {}) {
      const specs = list && list.length ? list : data.facebook.new;
      return specs.map((s) => { state.seq += 1; return summary(add(makePost(data, 'facebook', s, state.seq), top).post); });
    },
    /** Text of the comment composer of post `index` (DOM order), read from the Lexical editor state. */
    getEditorText(index = 0) {
      const r = state.records[index];
      return r ? r.editor.getEditorState().read(() => $getRoot().getTextContent()) : null;
    },
    editorCount() { return state.records.length; },
  };
}

start();
