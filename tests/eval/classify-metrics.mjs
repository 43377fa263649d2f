// classify-metrics.mjs — accuracy, per-class P/R/F1, macro-F1, confusion
// matrix and binary P/R, plus the multilang-sentiment baseline mapping.
export const TYPES = ['happy', 'neutral', 'angry', 'question'];

/** pairs: [{gold, pred}] over TYPES. */
export function typeMetrics(pairs) {
  const m = Object.fromEntries(TYPES.map((g) => [g, Object.fromEntries(TYPES.map((p) => [p, 0]))]));
  let correct = 0;
  for (const { gold, pred } of pairs) {
    m[gold][pred] += 1;
    if (gold === pred) correct++;
  }
  const per = {};
  for (const c of TYPES) {
    const tp = m[c][c];
    const fp = TYPES.reduce((s, g) => s + (g === c ? 0 : m[g][c]), 0);
    const fn = TYPES.reduce((s, p) => s + (p === c ? 0 : m[c][p]), 0);
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    per[c] = { precision, recall, f1, support: tp + fn };
  }
  const macroF1 = TYPES.reduce((s, c) => s + per[c].f1, 0) / TYPES.length;
  return { n: pairs.length, accuracy: pairs.length ? correct / pairs.length : 0, per, macroF1, confusion: m };
}

/** pairs: [{gold: bool, pred: bool}]. */
export function binaryMetrics(pairs) {
  let tp = 0, fp = 0, fn = 0;
  for (const { gold, pred } of pairs) {
    if (gold && pred) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** The baseline: multilang-sentiment score mapped to the four types
 * (score > 0 happy, < 0 angry, else "?" in the text -> question, else neutral). */
export function baselineType(sentiment, text, lang) {
  const r = sentiment(text, lang === 'en' ? 'en' : 'nl');
  if (r.score > 0) return 'happy';
  if (r.score < 0) return 'angry';
  return text.includes('?') ? 'question' : 'neutral';
}

const pct = (v) => (100 * v).toFixed(1).padStart(5);

/** Text report of one or more systems side by side: [{name, metrics}]. */
export function formatReport(title, systems) {
  const out = [`== ${title} (n=${systems[0].metrics.n})`];
  out.push('                ' + systems.map((s) => s.name.padEnd(30)).join(''));
  out.push('accuracy        ' + systems.map((s) => `${pct(s.metrics.accuracy)}%`.padEnd(30)).join(''));
  out.push('macro-F1        ' + systems.map((s) => `${pct(s.metrics.macroF1)}%`.padEnd(30)).join(''));
  out.push('per class       ' + systems.map(() => '  P     R     F1'.padEnd(30)).join(''));
  for (const c of TYPES) {
    out.push(c.padEnd(16) + systems.map((s) => {
      const p = s.metrics.per[c];
      return `${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}`.padEnd(30);
    }).join(''));
  }
  out.push('confusion (rows gold, cols predicted: hap neu ang que)');
  for (const g of TYPES) {
    out.push(g.padEnd(16) + systems.map((s) =>
      TYPES.map((p) => String(s.metrics.confusion[g][p]).padStart(4)).join('').padEnd(30)).join(''));
  }
  return out.join('\n');
}

export function formatBinary(name, b) {
  return `${name.padEnd(12)} P ${pct(b.precision)}%  R ${pct(b.recall)}%  F1 ${pct(b.f1)}%  (tp ${b.tp}, fp ${b.fp}, fn ${b.fn})`;
}
