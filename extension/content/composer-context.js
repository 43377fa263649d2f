// composer-context.js — which mention a composer answers. Site knowledge
// comes from the adapter table (post, comment, text, author selectors); the
// order of preference is:
//   1. the innermost post/comment that contains the composer (Facebook and
//      LinkedIn comment boxes, a reply box inside a comment thread);
//   2. inside the composer's own container (X reply dialog: the tweet shown
//      above the editor) the last text block before the editor;
//   3. the nearest post/comment before the composer in document order (X
//      inline reply under the focused tweet).
// The type comes from the badge pipeline when the mention is badged
// (data-webcare-type) and otherwise from the engine (classify), cached.
import { cleanText, closestAny, visibleText } from '../adapters/read.js';

const before = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

function allMatches(root, selectors) {
  const out = [];
  for (const sel of selectors ?? []) {
    try {
      out.push(...root.querySelectorAll(sel));
    } catch {
      /* unsupported selector */
    }
  }
  return out;
}

/**
 * The mention a composer (its editor root) answers:
 * {el, text, author, type|null, via, key?} or null (key: the badge pipeline's
 * data-webcare-key of the mention, when it is a badged post or comment).
 */
export function findMention(reader, root) {
  const table = reader.table;
  if (!table) return null;
  const items = reader.items();
  const all = new Set(items.map((i) => i.el));
  const fromItem = (el, via) => {
    const info = reader.read(el, all);
    if (!info.text) return null;
    return { el, text: info.text, author: info.author, type: el.getAttribute('data-webcare-type'), via,
             key: el.getAttribute('data-webcare-key') };
  };

  // 1. Innermost item containing the composer.
  const owner = reader.ownerOf(root, all);
  if (owner) {
    const m = fromItem(owner, 'container');
    if (m) return m;
  }

  // 2. The composer's own container (reply dialog) holding the replied-to text.
  const box = closestAny(root, table.composerRoot);
  if (box) {
    const inside = items.filter(({ el }) => box.contains(el) && before(el, root));
    if (inside.length) {
      const m = fromItem(inside[inside.length - 1].el, 'dialog');
      if (m) return m;
    }
    const texts = allMatches(box, table.text).filter((t) => !t.contains(root) && !root.contains(t) && before(t, root));
    if (texts.length) {
      const textEl = texts[texts.length - 1];
      const text = visibleText(textEl, table.textSkip);
      if (text) {
        // The handle being answered: the last @handle link before the editor
        // ("Antwoord aan @…"), not a mention inside the tweet text.
        const handles = [...box.querySelectorAll('a[href^="/"]')]
          .filter((a) => before(a, root) && !textEl.contains(a) && /^@\w{1,15}$/.test(a.textContent.trim()));
        const handle = handles[handles.length - 1] ?? null;
        return { el: textEl, text, author: handle ? cleanText(handle.textContent) : null, type: null, via: 'dialog' };
      }
    }
  }

  // 3. Nearest item before the composer.
  let best = null;
  for (const { el } of items) if (before(el, root) && !el.contains(root)) best = el;
  return best ? fromItem(best, 'preceding') : null;
}
