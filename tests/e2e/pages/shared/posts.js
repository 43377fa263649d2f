// Views of posts.json per site: ids, permalinks, times and decoys.
// Shared by the page bundles (esbuild) and tests/e2e/lib/fixtures.mjs (node),
// so a test and a page always agree on which post has which id.

const ZWSP = '\u200B';
const BASE_TIME = Date.UTC(2026, 2, 2, 9, 0, 0);

function big(base, n, step) {
  return (BigInt(base) + BigInt(n) * BigInt(step)).toString();
}

export function xStatusId(n) { return big('1897012345678900000', n, 1000003); }
export function fbPostId(n) { return big('122134567890120000', n, 7919); }
export function fbCommentId(n) { return big('1034567890123400', n, 6151); }
export function liActivityUrn(n) { return 'urn:li:activity:' + big('7301234567890120000', n, 104729); }
export function liCommentUrn(postUrn, n) {
  const activity = postUrn.slice('urn:li:activity:'.length);
  return `urn:li:comment:(activity:${activity},${big('7301299990000000000', n, 3571)})`;
}

/** ISO time of text n: a fixed clock, 17 minutes apart, newest first. */
export function isoTime(n) {
  return new Date(BASE_TIME - n * 17 * 60000).toISOString();
}

/** Insert zero-width spaces the way Facebook hides decoys: inside words. */
export function withDecoys(text) {
  const words = text.split(' ');
  return words.map((w, i) => (i % 3 === 1 && [...w].length > 3)
    ? w.slice(0, 2) + ZWSP + w.slice(2) : w).join(' ');
}

export function decoyName(name) {
  const at = name.lastIndexOf(' ');
  const cut = at < 0 ? 1 : at + 3;
  return name.slice(0, cut) + ZWSP + name.slice(cut);
}

function indexTexts(data) {
  const byKey = new Map();
  data.texts.forEach((t, n) => byKey.set(t.key, { ...t, n, media: !!t.media }));
  return byKey;
}

function lookup(byKey, key) {
  const t = byKey.get(key);
  if (!t) throw new Error(`posts.json: unknown text key ${key}`);
  return t;
}

function xPost(t) {
  const id = xStatusId(t.n);
  return {
    site: 'x', key: t.key, id, name: t.name, handle: t.handle, text: t.text, lang: t.lang,
    expectedType: t.expectedType, media: t.media, datetime: isoTime(t.n),
    url: `/${t.handle}/status/${id}`,
  };
}

function fbComment(t) {
  return {
    site: 'facebook', key: t.key, id: fbCommentId(t.n), name: t.name, handle: t.handle,
    text: t.text, lang: t.lang, expectedType: t.expectedType, datetime: isoTime(t.n),
  };
}

function fbPost(byKey, entry) {
  const t = lookup(byKey, entry.post);
  const id = fbPostId(t.n);
  const decoy = entry.decoy || null;
  return {
    site: 'facebook', key: t.key, id, name: t.name, handle: t.handle, text: t.text,
    lang: t.lang, expectedType: t.expectedType, datetime: isoTime(t.n),
    url: `https://www.facebook.com/${t.handle}/posts/${id}`,
    article: entry.article !== false,
    decoy,
    shownName: decoy === 'author' || decoy === 'both' ? decoyName(t.name) : t.name,
    shownText: decoy === 'text' || decoy === 'both' ? withDecoys(t.text) : t.text,
    comments: (entry.comments || []).map((k) => fbComment(lookup(byKey, k))),
  };
}

function liPost(byKey, entry) {
  const t = lookup(byKey, entry.post);
  const id = liActivityUrn(t.n);
  return {
    site: 'linkedin', key: t.key, id, name: t.name, handle: t.handle, text: t.text,
    lang: t.lang, expectedType: t.expectedType, datetime: isoTime(t.n),
    url: `https://www.linkedin.com/feed/update/${id}/`,
    comments: (entry.comments || []).map((k) => {
      const c = lookup(byKey, k);
      return {
        site: 'linkedin', key: c.key, id: liCommentUrn(id, c.n), name: c.name, handle: c.handle,
        text: c.text, lang: c.lang, expectedType: c.expectedType, datetime: isoTime(c.n),
      };
    }),
  };
}

/**
 * Posts of one site view, in page order.
 * site: 'x' (views: home, notifications, new, status, replies),
 * 'facebook' / 'linkedin' (views: feed, new).
 */
export function postsFor(data, site, view) {
  const byKey = indexTexts(data);
  if (site === 'x') {
    const v = view || 'home';
    if (v === 'status') return [xPost(lookup(byKey, data.x.status.focus))];
    if (v === 'replies') return data.x.status.replies.map((k) => xPost(lookup(byKey, k)));
    if (!data.x[v]) throw new Error(`posts.json: no x view ${v}`);
    return data.x[v].map((k) => xPost(lookup(byKey, k)));
  }
  if (site === 'facebook') {
    const v = view || 'feed';
    if (v === 'new') return data.facebook.new.map((k) => fbPost(byKey, { post: k }));
    return data.facebook.feed.map((e) => fbPost(byKey, e));
  }
  if (site === 'linkedin') {
    const v = view || 'feed';
    if (v === 'new') return data.linkedin.new.map((k) => liPost(byKey, { post: k }));
    return data.linkedin.feed.map((e) => liPost(byKey, e));
  }
  throw new Error(`unknown site ${site}`);
}

/** A post object for a text key, or for a free-form {text, name, handle, expectedType}. */
export function makePost(data, site, spec, seq) {
  const byKey = indexTexts(data);
  if (typeof spec === 'string') {
    if (site === 'x') return xPost(lookup(byKey, spec));
    if (site === 'facebook') return fbPost(byKey, { post: spec });
    return liPost(byKey, { post: spec });
  }
  const n = 1000 + seq;
  const t = {
    key: spec.key || `custom-${seq}`, n, name: spec.name || 'Testgebruiker',
    handle: spec.handle || `testgebruiker${seq}`, lang: spec.lang || 'nl',
    text: spec.text || '', expectedType: spec.expectedType || null, media: !!spec.media,
  };
  if (site === 'x') return xPost(t);
  byKey.set(t.key, t);
  if (site === 'facebook') return fbPost(byKey, { post: t.key, article: spec.article, comments: [] });
  return liPost(byKey, { post: t.key, comments: [] });
}

/** The short form the brief asks for: {id, handle, text, expectedType}. */
export function summary(p) {
  return { id: p.id, handle: p.handle, name: p.name, text: p.text, expectedType: p.expectedType };
}
