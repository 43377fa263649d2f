// facebook.js — selector table for www.facebook.com. Facebook is moving from
// role="article" to data-ad-rendering-role hooks and uses atomic classes, so
// we anchor on roles, aria-posinset, data-ad-* and URL shapes only. Comments
// are role=article elements nested in a post. Sources: research doc §2.
const ACCOUNT_PREFIXES = ['Reageer als ', 'Reageren als ', 'Comment as ', 'Reply as '];

/** "Reageer als Coolblue" -> "Coolblue" (aria-label of the composer or actor picker). */
export function accountFromLabel(el) {
  const label = el?.getAttribute('aria-label') ?? '';
  for (const p of ACCOUNT_PREFIXES) if (label.startsWith(p)) return label.slice(p.length).trim() || null;
  return null;
}

export default {
  site: 'facebook',
  hostnames: ['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  detect(doc) {
    if (doc.querySelector('[data-ad-rendering-role]')) return 'comet';
    if (doc.querySelector('[role="article"], [aria-posinset]')) return 'comet';
    return null;
  },
  dialects: {
    comet: {
      // Outermost match wins (a story with aria-posinset wraps role=article).
      post: [
        'div[role="main"] div[aria-posinset]',
        'div[role="feed"] div[aria-posinset]',
        'div[role="main"] div[role="article"]:not([role="article"] [role="article"])',
        'div[role="feed"] div[role="article"]:not([role="article"] [role="article"])',
        'div[data-pagelet^="FeedUnit_"]',
        'div[data-virtualized] div[role="article"]:not([role="article"] [role="article"])',
      ],
      // Newer markup without role=article: the post is the highest ancestor of
      // a story message that holds no other story message.
      postAnchor: '[data-ad-rendering-role="story_message"]',
      postAnchorStop: 'div[role="main"], div[role="feed"], body',
      // Comments and replies: an article nested inside the post's article/unit.
      comment: ['[role="article"] [role="article"]', '[aria-posinset] [role="article"]'],
      // A post match found inside another post is a comment when it is one of these.
      commentInPost: ['[role="article"]'],
      nested: [],
      text: [
        '[data-ad-rendering-role="story_message"]',
        '[data-ad-preview="message"]',
        '[data-ad-comet-preview="message"]',
        'div[dir="auto"]',
      ],
      textSkip: ['[role="button"]'],
      author: ['[data-ad-rendering-role="profile_name"] a', '[data-ad-rendering-role="profile_name"]',
               'h3 a', 'h2 a', 'h3', 'h2', 'a[role="link"] > span', 'strong'],
      permalink: ['a[href*="/posts/"]', 'a[href*="/permalink/"]', 'a[href*="story_fbid="]',
                  'a[href*="comment_id="]', 'a[href*="set=pcb."]', 'a[href*="set=gm."]', 'a[href*="/videos/"]'],
      anchor: ['[data-ad-rendering-role="profile_name"]', 'h3', 'h2'],
      reach: [],
      composer: [
        'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"][aria-label]',
        'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      ],
      composerRoot: ['form', '[role="article"]', '[aria-posinset]'],
      submit: ['#focused-state-composer-submit [role="button"]', 'div[role="button"][aria-label="Opmerking plaatsen"]',
               'div[role="button"][aria-label="Reageren"]', 'div[role="button"][aria-label="Comment"]',
               'div[role="button"][aria-label="Reply"]'],
      submitKeys: ['Enter'],
      // Facebook shows no machine-readable post time (relative text only).
      time: [],
      // Who is commenting: the composer says "Reageer als <Pagina>" (issue 12).
      account: ['div[role="textbox"][contenteditable="true"][aria-label^="Reageer als "]',
                '[aria-label^="Reageren als "]', 'div[role="textbox"][aria-label^="Comment as "]',
                'div[role="textbox"][aria-label^="Reply as "]'],
    },
  },
  /** Story / comment id from a permalink; tracking parameters ignored. */
  idFromHref(href) {
    let url;
    try {
      url = new URL(href, 'https://www.facebook.com/');
    } catch {
      return null;
    }
    const comment = url.searchParams.get('comment_id');
    const reply = url.searchParams.get('reply_comment_id');
    if (reply) return 'c' + reply;
    if (comment) return 'c' + comment;
    const story = url.searchParams.get('story_fbid');
    if (story) return story;
    const set = /^(?:pcb|gm)\.(\d+)/.exec(url.searchParams.get('set') ?? '');
    if (set) return set[1];
    const m = /\/(?:posts|permalink|videos)\/([A-Za-z0-9]+)/.exec(url.pathname);
    return m ? m[1] : null;
  },
  authorFrom(el) {
    return el?.textContent?.trim() || null;
  },
  accountFrom(el) {
    return accountFromLabel(el);
  },
};
