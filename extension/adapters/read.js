// read.js — turns a selector table (x.js, facebook.js, linkedin.js) into a
// reader: find the mentions on the page and read id, author and text of each.
// Site knowledge lives in the tables; this file only knows how to apply them.

// Zero-width and soft characters used as anti-scrape decoys. U+200D (ZWJ) is
// kept inside emoji sequences and dropped elsewhere.
const DECOYS = /[\u00AD\u200B\u200C\u200E\u200F\u2060-\u2064\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

export function cleanText(s) {
  return s.replace(DECOYS, '').replace(/[ \t\u00A0]+/g, ' ').replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n').trim();
}

/** First element matching any selector (in order) under root, or null.
 * The first match in document order is usually the accepted one: it is tried
 * with querySelector before all matches are listed. */
export function first(root, selectors, accept = () => true) {
  for (const sel of selectors ?? []) {
    let hit = null;
    try {
      hit = root.querySelector(sel);
    } catch {
      continue; // a selector the browser does not support
    }
    if (!hit) continue;
    if (accept(hit)) return hit;
    for (const el of safeAll(root, sel)) if (accept(el)) return el;
  }
  return null;
}

function safeAll(root, sel) {
  try {
    return root.querySelectorAll(sel);
  } catch {
    return []; // a selector the browser does not support (e.g. :has in old engines)
  }
}

function safeMatches(el, sel) {
  try {
    return el.matches(sel);
  } catch {
    return false;
  }
}

const matchesAny = (el, selectors) => (selectors ?? []).some((s) => safeMatches(el, s));

/** The nearest ancestor-or-self of `el` matching any selector (in table order), or null. */
export function closestAny(el, selectors) {
  for (const sel of selectors ?? []) {
    try {
      const hit = el.closest(sel);
      if (hit) return hit;
    } catch {
      /* unsupported selector */
    }
  }
  return null;
}

function hiddenByStyle(el, cs) {
  if (el.hidden) return true;
  if (!cs) return false;
  if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return true;
  if (parseFloat(cs.fontSize) === 0) return true;
  // Visually hidden (1px clip boxes) — screen-reader labels and decoys.
  return cs.position === 'absolute' && cs.overflow === 'hidden'
    && (parseFloat(cs.width) <= 1 || parseFloat(cs.height) <= 1);
}

const BLOCK_DISPLAY = new Set(['block', 'flex', 'grid', 'list-item', 'table', 'flow-root']);

/** Visible text of an element, like innerText but: emoji <img alt> included,
 * our own UI, `skip` selectors and hidden decoy elements left out, line
 * breaks only around boxes the page lays out as blocks.
 * Reads computed styles: callers read a whole batch of posts before writing
 * to the DOM (content/pipeline.js), so the style is recalculated once per
 * batch, not once per post. Cheap tests come first: a text-only element needs
 * no style at all, a `hidden` element no style lookup. */
export function visibleText(root, skip) {
  if (!root.firstElementChild) return cleanText(root.textContent ?? '');
  const view = root.ownerDocument.defaultView;
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  // Flex and grid items are "blockified" but sit side by side in a row
  // (X wraps @mentions in inline-flex boxes): no line break for those.
  const inRow = (cs) => Boolean(cs) && (cs.display.includes('grid')
    || (cs.display.includes('flex') && !cs.flexDirection.startsWith('column')));
  // Inside an inline-level box (inline-flex, inline-block) everything stays
  // on the line, whatever the children's (blockified) display says.
  const walk = (node, nodeCs, inInline) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        out += n.data;
      } else if (n.nodeType === 1) {
        const tag = n.localName;
        if (tag.startsWith('webcare-') || tag === 'script' || tag === 'style' || tag === 'template') continue;
        if (n.hidden || matchesAny(n, skip)) continue;
        const cs = view?.getComputedStyle(n);
        if (hiddenByStyle(n, cs)) continue;
        if (tag === 'img') {
          out += n.getAttribute('alt') ?? '';
          continue;
        }
        if (tag === 'br') {
          out += '\n';
          continue;
        }
        const block = cs ? !inInline && BLOCK_DISPLAY.has(cs.display) && !inRow(nodeCs) : tag === 'p' || tag === 'div';
        if (block) newline();
        walk(n, cs, inInline || Boolean(cs?.display.startsWith('inline-')));
        if (block) newline();
      }
    }
  };
  walk(root, view?.getComputedStyle(root), false);
  return cleanText(out);
}

/** 32-bit FNV-1a over UTF-16 units, as 8 hex digits. */
export function hashText(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// Reach hints (issue 6): the counts a post shows in its action bar ("12",
// "1,2K", "3,4 mln", "1.234", "12 antwoorden"). Dutch and English notation.
const MULTIPLIER = { k: 1e3, d: 1e3, dzd: 1e3, duizend: 1e3, thousand: 1e3, m: 1e6, mln: 1e6, mio: 1e6,
                     miljoen: 1e6, million: 1e6, b: 1e9, bn: 1e9, mld: 1e9, mrd: 1e9, miljard: 1e9, billion: 1e9 };
const COUNT = /(\d{1,3}(?:([.,\u00A0\u202F ])\d{3})(?:\2\d{3})*(?!\d)|\d+(?:[.,]\d+)?)(?:\s?([a-z]+)\.?)?/iu;
export const MAX_REACH = 1e12;

/** First count in a label or text, as a number (null when there is none). */
export function parseCount(s) {
  const m = COUNT.exec(String(s ?? ''));
  if (!m) return null;
  const unit = m[3] ? MULTIPLIER[m[3].toLowerCase()] : undefined;
  let digits = m[1];
  if (m[2]) {
    // "1.234" / "1,234" / "1 234": thousands groups.
    digits = digits.split(m[2]).join('');
  } else {
    digits = digits.replace(',', '.');
  }
  const n = Number(digits) * (unit ?? 1);
  return Number.isFinite(n) ? Math.min(MAX_REACH, Math.round(n)) : null;
}

/** Sum of the counts the reach elements show (aria-label with a number first, else text), or null. */
export function readReach(els) {
  let total = null;
  for (const el of els) {
    const label = el.getAttribute('aria-label') ?? '';
    const n = parseCount(/\d/.test(label) ? label : el.textContent);
    if (n !== null) total = Math.min(MAX_REACH, (total ?? 0) + n);
  }
  return total;
}

export function createReader(adapter, doc = document) {
  let table = null;
  let dialect = null;

  function refresh() {
    dialect = adapter.detect(doc);
    table = dialect ? adapter.dialects[dialect] : null;
    return dialect;
  }

  /** Posts by anchor: highest ancestor of the anchor holding only that anchor. */
  function postsByAnchor() {
    if (!table.postAnchor) return [];
    const anchors = [...safeAll(doc, table.postAnchor)];
    // How many anchors each ancestor holds: one walk up per anchor instead of
    // one query per ancestor and anchor.
    const held = new Map();
    for (const a of anchors) for (let p = a.parentElement; p; p = p.parentElement) held.set(p, (held.get(p) ?? 0) + 1);
    const out = [];
    for (const a of anchors) {
      let el = a;
      while (el.parentElement && !matchesAny(el.parentElement, [table.postAnchorStop])
             && held.get(el.parentElement) === 1) el = el.parentElement;
      if (el !== a) out.push(el);
    }
    return out;
  }

  /** All mention containers: posts (outermost match wins) and comments. */
  function items() {
    if (!table) return [];
    const posts = new Set();
    for (const sel of table.post) for (const el of safeAll(doc, sel)) posts.add(el);
    for (const el of postsByAnchor()) posts.add(el);
    const comments = new Set();
    for (const sel of table.comment ?? []) for (const el of safeAll(doc, sel)) comments.add(el);
    const result = [];
    for (const el of posts) {
      if (comments.has(el)) continue;
      let outer = false;
      for (let p = el.parentElement; p && !outer; p = p.parentElement) outer = posts.has(p) && !comments.has(p);
      if (!outer) result.push({ el, kind: 'post' });
      // Inside another post: a comment when the table says so (Facebook
      // comments are role=article even where the post itself is not).
      else if (matchesAny(el, table.commentInPost)) comments.add(el);
    }
    for (const el of comments) result.push({ el, kind: 'comment' });
    return result.filter(({ el }) => !el.closest('webcare-panel'));
  }

  /** The item container an element belongs to (nearest post/comment). */
  function ownerOf(node, all) {
    for (let p = node; p; p = p.parentElement) if (all.has(p)) return p;
    return null;
  }

  /** True when `node` inside item `el` belongs to `el` itself: not to a
   * nested comment, nested item or quoted post. `foreign` caches the answer
   * per ancestor for one read (the candidates of a post share most ancestors). */
  function ownedBy(node, el, nestedItems, foreign = new Map()) {
    for (let p = node; p && p !== el; p = p.parentElement) {
      let hit = foreign.get(p);
      if (hit === undefined) {
        hit = nestedItems.has(p) || matchesAny(p, table.nested) || matchesAny(p, table.comment);
        foreign.set(p, hit);
      }
      if (hit) return false;
    }
    return true;
  }

  function read(el, nestedItems = new Set()) {
    const foreign = new Map();
    const mine = (n) => ownedBy(n, el, nestedItems, foreign);
    const textEl = first(el, table.text, mine);
    const text = textEl ? visibleText(textEl, table.textSkip) : '';
    let id = null;
    // Id attributes on the container, else on an element it owns (SDUI keeps
    // data-view-tracking-scope on an inner wrapper of the list item).
    for (const attr of table.idAttributes ?? []) {
      const holder = el.hasAttribute(attr) ? el : first(el, [`[${attr}]`], mine);
      const v = holder?.getAttribute(attr);
      if (v && (id = adapter.idFromHref(v))) break;
    }
    if (!id) {
      const link = first(el, table.permalink, mine);
      if (link) id = adapter.idFromHref(link.getAttribute('href') ?? '');
    }
    const author = adapter.authorFrom(first(el, table.author, mine));
    const anchor = first(el, table.anchor, mine);
    const stamp = Date.parse(first(el, table.time, mine)?.getAttribute('datetime') ?? '');
    const reachEls = [];
    for (const sel of table.reach ?? []) for (const r of safeAll(el, sel)) if (mine(r)) reachEls.push(r);
    return { id, text, author: author ? cleanText(author) : null, textEl, anchor,
             postedTs: Number.isFinite(stamp) ? stamp : null, reach: readReach(reachEls) };
  }

  /** The account the agent posts as on this page (table.account), or null. */
  function account() {
    if (!table?.account || !adapter.accountFrom) return null;
    const name = adapter.accountFrom(first(doc, table.account, (el) => Boolean(adapter.accountFrom(el))));
    return name ? cleanText(name) : null;
  }

  refresh();
  return {
    get dialect() {
      return dialect;
    },
    get table() {
      return table;
    },
    refresh,
    items,
    read,
    ownerOf,
    account,
  };
}
