// dom-text.js — the plain text of a contenteditable editor and the map
// between its DOM positions and UTF-16 offsets in that text. Every editor
// module (draft.js, lexical.js, quill.js, prosemirror.js) reads through here:
// the text sent to the linter and the offsets the linter returns always
// refer to the same string.
//
// Text model: the editor's leaf blocks (a <p> or a Draft.js block) joined by
// "\n"; inside a block, text nodes in order, a <br> that is followed by more
// content is "\n", a trailing placeholder <br> is nothing, an <img> counts as
// its alt text (emoji images). Our own webcare-* elements are skipped.

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
                            'BLOCKQUOTE', 'PRE', 'FIGURE', 'SECTION', 'ARTICLE', 'TABLE', 'TR', 'TD']);

const isBlock = (n) => n.nodeType === 1 && BLOCK_TAGS.has(n.tagName);
const isOurs = (n) => n.nodeType === 1 && n.localName.startsWith('webcare-');

function hasBlockChild(el) {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c) && !isOurs(c)) return true;
  return false;
}

/** Leaf blocks of `root` in document order (root itself when it holds only inline content). */
function leafBlocks(root) {
  const out = [];
  const visit = (el) => {
    if (!hasBlockChild(el)) {
      out.push(el);
      return;
    }
    // Inline runs between block children become anonymous blocks.
    let run = null;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (isOurs(c)) continue;
      if (isBlock(c)) {
        if (run) out.push(run);
        run = null;
        visit(c);
      } else if (c.nodeType === 3 ? c.data.length > 0 : c.nodeType === 1) {
        (run ??= { anonymous: true, nodes: [] }).nodes.push(c);
      }
    }
    if (run) out.push(run);
  };
  visit(root);
  return out;
}

/** Inline items of a block: text nodes, <br> and <img>, in order. */
function inlineItems(block) {
  const items = [];
  const walk = (n) => {
    if (n.nodeType === 3) {
      if (n.data.length) items.push(n);
      return;
    }
    if (n.nodeType !== 1 || isOurs(n)) return;
    if (n.tagName === 'BR' || n.tagName === 'IMG') {
      items.push(n);
      return;
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  if (block.anonymous) block.nodes.forEach(walk);
  else for (let c = block.firstChild; c; c = c.nextSibling) walk(c);
  return items;
}

/**
 * Reads `root` into {text, segs, blocks}. segs: [{node, start, len, kind}]
 * with kind 'text' (a text node, len = its length), 'br' (a line break, len 1)
 * or 'img' (len = alt length). blocks: [{el, start, end}] (el null for an
 * anonymous run).
 */
export function readDom(root) {
  const segs = [];
  const blocks = [];
  let text = '';
  const leaves = leafBlocks(root);
  leaves.forEach((block, bi) => {
    if (bi > 0) text += '\n';
    const start = text.length;
    const items = inlineItems(block);
    // A <br> with nothing meaningful after it in its block is a placeholder.
    let lastContent = -1;
    items.forEach((n, i) => {
      if (n.nodeType === 3 || n.tagName === 'IMG') lastContent = i;
    });
    items.forEach((n, i) => {
      if (n.nodeType === 3) {
        segs.push({ node: n, start: text.length, len: n.data.length, kind: 'text' });
        text += n.data;
      } else if (n.tagName === 'IMG') {
        const alt = n.getAttribute('alt') ?? '';
        segs.push({ node: n, start: text.length, len: alt.length, kind: 'img' });
        text += alt;
      } else if (i < lastContent) {
        segs.push({ node: n, start: text.length, len: 1, kind: 'br' });
        text += '\n';
      }
    });
    blocks.push({ el: block.anonymous ? null : block, first: block.anonymous ? block.nodes[0] : null,
                  start, end: text.length });
  });
  return { root, text, segs, blocks };
}

function nodeIndex(node) {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/**
 * A DOM point {node, offset} for a text offset. `affinity` 'start' prefers
 * the beginning of the next segment at a boundary, 'end' the end of the
 * previous one (so a range never spills into a neighbour).
 */
export function pointAt(model, offset, affinity = 'start') {
  const { segs, blocks, root } = model;
  const off = Math.max(0, Math.min(offset, model.text.length));
  let best = null;
  for (const s of segs) {
    if (s.kind !== 'text') continue;
    const inside = affinity === 'end' ? off > s.start && off <= s.start + s.len
      : off >= s.start && off < s.start + s.len;
    if (inside) return { node: s.node, offset: off - s.start };
    if (off === s.start + s.len || off === s.start) best ??= s;
  }
  if (best) return { node: best.node, offset: off - best.start };
  for (const s of segs) {
    if (s.kind === 'text') continue;
    if (off === s.start) return { node: s.node.parentNode, offset: nodeIndex(s.node) };
    if (off === s.start + s.len) return { node: s.node.parentNode, offset: nodeIndex(s.node) + 1 };
  }
  for (const b of blocks) {
    if (off >= b.start && off <= b.end) {
      if (b.el) return { node: b.el, offset: off === b.start ? 0 : b.el.childNodes.length };
      return { node: b.first.parentNode, offset: nodeIndex(b.first) };
    }
  }
  return { node: root, offset: off === 0 ? 0 : root.childNodes.length };
}

/** A DOM Range covering text offsets [start, end). */
export function rangeAt(model, start, end) {
  const doc = model.root.ownerDocument;
  const range = doc.createRange();
  const a = pointAt(model, start, start === end ? 'end' : 'start');
  const b = start === end ? a : pointAt(model, end, 'end');
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The text offset of DOM point (node, offset), or -1 when outside root. */
export function offsetAt(model, node, offset) {
  const { root, segs } = model;
  if (!root.contains(node)) return -1;
  for (const s of segs) {
    if (s.node === node && s.kind === 'text') return s.start + Math.min(offset, s.len);
  }
  // Element point (or a text node we skipped): the first segment at or after
  // it, but never past the end of the block that holds the point (empty lines).
  const block = model.blocks.find((b) => b.el && (b.el === node || b.el.contains(node)));
  const doc = root.ownerDocument;
  const probe = doc.createRange();
  probe.setStart(node, offset);
  for (const s of segs) {
    if (probe.comparePoint(s.node, 0) >= 0) return block && s.start > block.end ? block.end : s.start;
  }
  return block ? block.end : model.text.length;
}

/** The current selection inside root as text offsets, or null. */
export function selectionOffsets(model) {
  const sel = model.root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  const start = offsetAt(model, r.startContainer, r.startOffset);
  const end = offsetAt(model, r.endContainer, r.endOffset);
  return start < 0 || end < 0 ? null : { start, end };
}
