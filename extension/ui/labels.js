// labels.js — Dutch labels, order and icons for the four mention types.
export const TYPES = Object.freeze({
  angry: { label: 'Boos', long: 'Boze klant', rank: 0 },
  question: { label: 'Vraag', long: 'Vraag van een klant', rank: 1 },
  neutral: { label: 'Neutraal', long: 'Neutrale vermelding', rank: 2 },
  happy: { label: 'Blij', long: 'Blije klant', rank: 3 },
  error: { label: 'Fout', long: 'Niet geanalyseerd', rank: 4 },
});

export const typeInfo = (type) => TYPES[type] ?? TYPES.neutral;

/** angry > question > neutral > happy, then priority (high first). */
export function compareMentions(a, b) {
  return typeInfo(a.type).rank - typeInfo(b.type).rank || (b.priority ?? 0) - (a.priority ?? 0);
}

const CUES = {
  lexicon: 'woord', negation: 'ontkenning', intensifier: 'versterker', hashtag: 'hashtag',
  emoji: 'emoji', punctuation: 'leestekens', caps: 'hoofdletters', sarcasm: 'sarcasme',
  question: 'vraag', 'question-word': 'vraagwoord', profanity: 'grof taalgebruik', elongation: 'uitgerekt woord',
  pattern: 'patroon', phrase: 'uitdrukking', mention: 'vermelding', reach: 'bereik',
};
export const cueLabel = (cue) => CUES[cue] ?? String(cue ?? 'signaal');

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

// One stroked path per icon (face, eyes as round dots of zero length, mouth):
// two elements to style per icon, not six (a page of 200 badges styles 200).
const RING = 'M8 1.4a6.6 6.6 0 1 1 0 13.2a6.6 6.6 0 1 1 0-13.2';
const EYES = 'M6 6.9h.01M10 6.9h.01';
const SHAPES = {
  happy: `${RING}${EYES}M5.3 9.4c.7 1 1.6 1.6 2.7 1.6s2-.6 2.7-1.6`,
  neutral: `${RING}${EYES}M5.6 10.2h4.8`,
  angry: `${RING}${EYES}M5.4 11.2c.7-.9 1.6-1.4 2.6-1.4s1.9.5 2.6 1.4M4.9 5.2l2.2 1.1M11.1 5.2L8.9 6.3`,
  question: `${RING}M6.2 6.4a1.9 1.9 0 1 1 2.7 1.7c-.6.3-.9.7-.9 1.3v.3M8 11.4h.01`,
  error: `${RING}M8 4.6v4.2M8 11.2h.01`,
};

/** A 16px line icon for a type (DOM nodes, no markup strings). */
export function typeIcon(type) {
  const svg = svgEl('svg', { viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true', class: 'icon' });
  svg.append(svgEl('path', { d: SHAPES[type] ?? SHAPES.neutral, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5',
                             'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  return svg;
}
