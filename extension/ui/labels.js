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

const FACES = {
  happy: ['M5.3 9.4c.7 1 1.6 1.6 2.7 1.6s2-.6 2.7-1.6'],
  neutral: ['M5.6 10.2h4.8'],
  angry: ['M5.4 11.2c.7-.9 1.6-1.4 2.6-1.4s1.9.5 2.6 1.4', 'M4.9 5.2l2.2 1.1', 'M11.1 5.2L8.9 6.3'],
  error: ['M8 4.6v4.2'],
};

/** A 16px line icon for a type (DOM nodes, no markup strings). */
export function typeIcon(type) {
  const svg = svgEl('svg', { viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true', class: 'icon' });
  svg.append(svgEl('circle', { cx: '8', cy: '8', r: '6.6', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5' }));
  if (type === 'question') {
    svg.append(svgEl('path', { d: 'M6.2 6.4a1.9 1.9 0 1 1 2.7 1.7c-.6.3-.9.7-.9 1.3v.3', fill: 'none',
                               stroke: 'currentColor', 'stroke-width': '1.5', 'stroke-linecap': 'round' }));
    svg.append(svgEl('circle', { cx: '8', cy: '11.4', r: '.9', fill: 'currentColor' }));
    return svg;
  }
  if (type === 'error') {
    svg.append(svgEl('path', { d: FACES.error[0], stroke: 'currentColor', 'stroke-width': '1.6', 'stroke-linecap': 'round' }));
    svg.append(svgEl('circle', { cx: '8', cy: '11.2', r: '.9', fill: 'currentColor' }));
    return svg;
  }
  for (const cx of ['6', '10']) svg.append(svgEl('circle', { cx, cy: '6.9', r: '.85', fill: 'currentColor' }));
  for (const d of FACES[type] ?? FACES.neutral)
    svg.append(svgEl('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': '1.4', 'stroke-linecap': 'round' }));
  return svg;
}
