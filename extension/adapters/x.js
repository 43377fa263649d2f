// x.js — selector table for x.com / twitter.com. Each entry lists selectors
// from most to least stable (data-testid first). Sources: research doc §1.
export default {
  site: 'x',
  hostnames: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  /** One dialect today; return null where there is nothing to read. */
  detect: () => 'web',
  dialects: {
    web: {
      // A timeline cell is recycled by the virtual list: the article inside
      // stays, its content changes. Identity = status id + text hash.
      post: ['article[data-testid="tweet"]'],
      comment: [],
      // Quoted tweets sit inside the article in a [role=link] block.
      nested: ['div[role="link"]'],
      text: ['[data-testid="tweetText"]', 'div[lang]'],
      textSkip: ['[data-testid="tweet-text-show-more-link"]'],
      author: ['[data-testid="User-Name"] a[href^="/"]', '[data-testid^="UserAvatar-Container-"]'],
      permalink: ['a[href*="/status/"]:has(time)', 'a[href*="/status/"]'],
      anchor: ['[data-testid="User-Name"]'],
      reach: ['[data-testid="like"]', '[data-testid="retweet"]', '[data-testid="reply"]'],
      composer: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '[data-testid^="tweetTextarea_"] textarea',
                 '.public-DraftEditor-content[contenteditable="true"]'],
      composerRoot: ['[data-testid="inline_reply_offscreen"]', '[aria-labelledby="modal-header"]', 'form', '[role="dialog"]'],
      submit: ['button[data-testid="tweetButtonInline"]', 'button[data-testid="tweetButton"]', '[data-testid^="tweetButton"]'],
      submitKeys: ['Mod+Enter'],
      // The mention's own timestamp (response time, issue 12).
      time: ['a[href*="/status/"] time[datetime]', 'time[datetime]'],
      // The logged-in account posting the replies (brand profile, issue 12).
      account: ['[data-testid="SideNav_AccountSwitcher_Button"]', '[data-testid="AppTabBar_Profile_Link"]'],
    },
  },
  /** "/{user}/status/{id}" -> id */
  idFromHref(href) {
    const m = /\/status(?:es)?\/(\d+)/.exec(href);
    return m ? m[1] : null;
  },
  /** The account switcher shows "Name @handle"; the profile tab links to /handle. */
  accountFrom(el) {
    if (!el) return null;
    const m = /@([A-Za-z0-9_]{1,15})\b/.exec(el.textContent ?? '');
    if (m) return '@' + m[1];
    const href = /^\/([A-Za-z0-9_]{1,15})$/.exec(el.getAttribute('href') ?? '');
    return href ? '@' + href[1] : null;
  },
  /** Author: the @handle from the profile link or avatar test id. */
  authorFrom(el) {
    if (!el) return null;
    const testid = el.getAttribute('data-testid') ?? '';
    if (testid.startsWith('UserAvatar-Container-')) return '@' + testid.slice('UserAvatar-Container-'.length);
    const href = el.getAttribute('href') ?? '';
    const m = /^\/([A-Za-z0-9_]{1,15})(?:[/?#]|$)/.exec(href);
    return m ? '@' + m[1] : null;
  },
};
