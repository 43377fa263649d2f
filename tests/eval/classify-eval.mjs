// classify-eval.mjs — `make eval` for the classifier (issue 4): runs the WASM
// engine and the multilang-sentiment baseline on tests/data/mentions.jsonl and
// prints, for the held-out split (and train for reference), accuracy,
// per-class P/R/F1, macro-F1, confusion matrices side by side, and
// profanity / sarcasm / language scores. tests/data/blind/mentions.jsonl,
// when present, is reported as its own "blind" split (written by others
// without seeing the code; never trained or tuned on).
// Usage: node tests/eval/classify-eval.mjs [--json]
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadEngine, readLines } from '../wasm/helpers.mjs';
import { typeMetrics, binaryMetrics, baselineType, formatReport, formatBinary } from './classify-metrics.mjs';

const require = createRequire(import.meta.url);
const sentiment = require('multilang-sentiment');

const BLIND = 'tests/data/blind/mentions.jsonl';
const splitsOf = (rows) => ['heldout', 'blind', 'train'].filter((s) => rows.some((x) => x.item.split === s));

/** Runs both systems over the data set; returns per-split metrics. */
export async function evaluate() {
  const items = [...readLines('tests/data/mentions.jsonl'),
    ...(existsSync(BLIND) ? readLines(BLIND) : [])].map((l) => JSON.parse(l));
  const engine = await loadEngine();
  const rows = [];
  try {
    for (const r of items) {
      const res = engine.call({ op: 'classify', text: r.text });
      if (res.error) throw new Error(`${r.id}: ${res.error.message}`);
      rows.push({ item: r, ours: res.result, base: baselineType(sentiment, r.text, r.lang) });
    }
  } finally {
    engine.close();
  }
  const report = {};
  for (const split of splitsOf(rows)) {
    const s = rows.filter((x) => x.item.split === split);
    report[split] = {
      ours: typeMetrics(s.map((x) => ({ gold: x.item.type, pred: x.ours.type }))),
      baseline: typeMetrics(s.map((x) => ({ gold: x.item.type, pred: x.base }))),
      profanity: binaryMetrics(s.map((x) => ({ gold: x.item.profanity, pred: x.ours.profanity }))),
      sarcasm: binaryMetrics(s.map((x) => ({ gold: x.item.sarcasm, pred: x.ours.sarcasm }))),
      language: s.filter((x) => x.item.lang === x.ours.language).length / s.length,
    };
  }
  return report;
}

async function main() {
  const report = await evaluate();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  for (const split of Object.keys(report)) {
    const r = report[split];
    console.log(formatReport(`classify, ${split} split`, [
      { name: 'webcare (wasm)', metrics: r.ours },
      { name: 'multilang-sentiment', metrics: r.baseline },
    ]));
    console.log(formatBinary('profanity', r.profanity));
    console.log(formatBinary('sarcasm', r.sarcasm));
    console.log(`language     accuracy ${(100 * r.language).toFixed(1)}%`);
    console.log('');
  }
  const h = report.heldout;
  console.log(`classify held-out macro-F1: webcare ${(100 * h.ours.macroF1).toFixed(1)}%, ` +
    `baseline ${(100 * h.baseline.macroF1).toFixed(1)}% (train ${(100 * report.train.ours.macroF1).toFixed(1)}%)`);
  const b = report.blind;
  if (b) {
    console.log(`classify blind macro-F1: webcare ${(100 * b.ours.macroF1).toFixed(1)}%, ` +
      `baseline ${(100 * b.baseline.macroF1).toFixed(1)}% (tests/data/blind, never tuned on)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
