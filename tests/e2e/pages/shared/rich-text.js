// Splits a post text into the pieces the sites render differently:
// plain text, @mentions, #hashtags, URLs and emoji (grapheme clusters).

const ENTITY = /(@[A-Za-z0-9_]{1,15})|(#[\p{L}\p{N}_]+)|(https?:\/\/[^\s]+)/gu;
const PICTO = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });

function splitEmoji(text, out) {
  let buf = '';
  for (const { segment } of segmenter.segment(text)) {
    if (PICTO.test(segment)) {
      if (buf) out.push({ kind: 'text', value: buf });
      buf = '';
      out.push({ kind: 'emoji', value: segment });
    } else {
      buf += segment;
    }
  }
  if (buf) out.push({ kind: 'text', value: buf });
}

/** [{kind: 'text'|'mention'|'hashtag'|'url'|'emoji', value}] */
export function richParts(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(ENTITY)) {
    if (m.index > last) splitEmoji(text.slice(last, m.index), out);
    const kind = m[1] ? 'mention' : m[2] ? 'hashtag' : 'url';
    out.push({ kind, value: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) splitEmoji(text.slice(last), out);
  return out;
}

/** An emoji as an image (what X and Facebook do), drawn with the local emoji font. */
export function emojiImageSrc(emoji) {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72">'
    + '<text x="36" y="58" font-size="56" text-anchor="middle" '
    + 'font-family="Noto Color Emoji, Apple Color Emoji, Segoe UI Emoji, sans-serif">'
    + emoji + '</text></svg>';
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

/** A deterministic avatar colour for a handle. */
export function avatarColor(handle) {
  let h = 0;
  for (const ch of handle) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return `hsl(${h % 360} 45% 55%)`;
}

export function initials(name) {
  return name.split(/\s+/).filter(Boolean).map((w) => w[0]).filter((c) => /\p{Lu}/u.test(c))
    .slice(0, 2).join('') || name.slice(0, 1).toUpperCase();
}
