// linkedin.js — selector table for www.linkedin.com. LinkedIn serves two
// markups at once (A/B tested, not monotonic): legacy Ember/BEM with data-urn
// and a Quill editor, and SDUI/React with data-testid / componentkey /
// data-view-name and a TipTap (ProseMirror) editor. detect() picks one per
// scan; the tables never blend. Sources: research doc §3.
import { accountFromLabel } from './facebook.js';

const EN_MENU = 'Open control menu for post by ';
const NL_MENU = 'Open het bedieningsmenu voor de post van ';

export default {
  site: 'linkedin',
  hostnames: ['linkedin.com', 'www.linkedin.com'],
  detect(doc) {
    if (doc.querySelector('[data-testid="mainFeed"], [componentkey^="container-update-list"], '
        + '[data-view-name="feed-full-update"], [data-testid="expandable-text-box"]')) return 'sdui';
    if (doc.querySelector('[data-urn^="urn:li:activity:"], .feed-shared-update-v2, [data-id*="urn:li:activity"], '
        + '.comments-comment-entity, .comments-comment-item')) return 'legacy';
    return null;
  },
  dialects: {
    legacy: {
      post: ['.feed-shared-update-v2[data-urn^="urn:li:activity:"]', '[data-urn^="urn:li:activity:"]',
             '[data-id*="urn:li:activity"]', '[data-urn^="urn:li:ugcPost:"]', '[data-id*="urn:li:aggregate"]'],
      comment: ['article.comments-comment-entity', 'article.comments-comment-item', '.comments-comment-item'],
      nested: ['.feed-shared-update-v2__content .update-components-mini-update-v2'],
      text: ['.comments-comment-item__main-content', '.update-components-text', '.feed-shared-inline-show-more-text',
             '.feed-shared-update-v2__description', '.feed-shared-update-v2__commentary'],
      textSkip: ['.feed-shared-inline-show-more-text__see-more-less-toggle', 'button', '.visually-hidden'],
      author: ['.update-components-actor__title span[aria-hidden="true"]', '.update-components-actor__name',
               '.comments-comment-meta__description-title', '.comments-post-meta__name-text'],
      permalink: ['a[href*="/feed/update/urn:li:activity:"]', 'a[href*="urn:li:ugcPost:"]'],
      idAttributes: ['data-urn', 'data-id'],
      anchor: ['.update-components-actor__meta', '.update-components-actor__container',
               '.comments-comment-meta__actor', '.comments-post-meta'],
      reach: ['.social-details-social-counts__reactions-count'],
      composer: ['.comments-comment-box__form .ql-editor[contenteditable="true"]',
                 '.comments-comment-texteditor .ql-editor[contenteditable="true"]',
                 '.ql-editor[contenteditable="true"]',
                 '[role="textbox"][aria-label^="Text editor for creating"]',
                 '[role="textbox"][aria-label^="Teksteditor"]'],
      composerRoot: ['form.comments-comment-box__form', '.comments-comment-box', '.comments-comment-texteditor'],
      submit: ['button.comments-comment-box__submit-button--cr', 'button.comments-comment-box__submit-button',
               'form.comments-comment-box__form button[type="submit"]'],
      submitKeys: ['Mod+Enter'],
      time: ['time[datetime]'],
      // "Reageren als <Pagina>": the actor picker of a page admin's comment box (issue 12).
      account: ['button.comments-comment-box__actor-toggle[aria-label]', '[aria-label^="Reageren als "]', '[aria-label^="Comment as "]'],
    },
    sdui: {
      post: ['[data-testid="mainFeed"] [role="listitem"]', 'div[data-view-name="feed-full-update"]',
             'div[role="listitem"][componentkey^="expanded"]',
             '[componentkey^="container-update-list"] > div[data-lazy-mount-id] > div[data-display-contents="true"] > div'],
      comment: ['[data-id^="urn:li:comment"]', '[componentkey*="comment" i][role="article"]'],
      nested: [],
      text: ['[data-testid="expandable-text-box"]', '[data-view-name="feed-commentary"]'],
      textSkip: ['[data-testid="expandable-text-button"]', 'button'],
      author: [`[aria-label^="${EN_MENU}"]`, `[aria-label^="${NL_MENU}"]`,
               'a[data-view-name="feed-actor-image"] + a p', 'a[data-view-name="feed-actor-image"] + a',
               '[data-view-name="feed-actor-name"] p', '[data-view-name="feed-actor-name"]',
               '[data-view-name="comment-actor-name"] p', '[data-view-name="comment-actor-name"]'],
      permalink: ['a[href*="/feed/update/urn:li:activity:"]', 'a[href*="urn:li:ugcPost:"]'],
      idAttributes: ['data-urn', 'data-id', 'data-view-tracking-scope', 'componentkey'],
      anchor: ['[data-view-name="feed-actor-name"]', 'a[data-view-name="feed-actor-image"] + a'],
      reach: [],
      composer: ['div.tiptap.ProseMirror[contenteditable="true"][role="textbox"]',
                 '[data-testid="ui-core-tiptap-text-editor-wrapper"] [contenteditable="true"]',
                 '[role="textbox"][aria-label^="Text editor for creating"]',
                 '[role="textbox"][aria-label^="Teksteditor"]'],
      composerRoot: ['div[data-view-name="comment-box"]', '[data-testid="ui-core-tiptap-text-editor-wrapper"]'],
      submit: ['div[data-view-name="comment-box"] button[type="submit"]', '[componentkey*="commentButtonSection"] button',
               'button[type="submit"]'],
      submitKeys: ['Mod+Enter'],
      time: ['time[datetime]'],
      account: ['[data-view-name="comment-actor-picker"][aria-label]', '[aria-label^="Reageren als "]', '[aria-label^="Comment as "]'],
    },
  },
  /** urn:li:activity:123 / ugcPost / comment, from an attribute value or URL. */
  idFromHref(value) {
    const m = /urn(?::|%3A)li(?::|%3A)(activity|ugcPost|share|comment|aggregate)(?::|%3A)((?:\(|%28)[^)]*?(?:\)|%29)|[^"&?/),\s]+)/i
      .exec(String(value));
    if (!m) return null;
    try {
      return `${m[1]}:${decodeURIComponent(m[2])}`;
    } catch {
      return `${m[1]}:${m[2]}`; // malformed %-escape in page markup: keep it raw, never throw
    }
  },
  accountFrom(el) {
    return accountFromLabel(el);
  },
  authorFrom(el) {
    if (!el) return null;
    const label = el.getAttribute('aria-label');
    for (const prefix of [EN_MENU, NL_MENU]) if (label?.startsWith(prefix)) return label.slice(prefix.length).trim();
    return el.textContent?.trim() || null;
  },
};
