#!/usr/bin/env node
// train-classifier.mjs — fits the classifier's linear model (multinomial
// logistic regression, L2) on the cue features of the TRAIN split of
// tests/data/mentions.jsonl and writes core/lexicon/model.json. The held-out
// split is never read for training or tuning: lambda is chosen by 5-fold
// cross-validation inside train. Deterministic (fixed folds, full-batch
// gradient descent, fixed iterations). Needs build/webcare (make native).
// Then: node core/tools/gen-lexicon.mjs && make.
// Usage: node core/tools/train-classifier.mjs [--dry-run]
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLASSES = ['happy', 'neutral', 'angry', 'question'];
const LAMBDAS = [0.001, 0.003, 0.01, 0.03, 0.1];
const ITERS = 4000;
const RATE = 0.2;

const readSet = (f) => readFileSync(path.join(root, f), 'utf8').split('\n')
  .filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.split === 'train');
// train split of the dev set + the extra training set (never the held-out split)
const items = [...readSet('tests/data/mentions.jsonl'), ...readSet('tests/data/mentions-extra.jsonl')];
const reqs = items.map((r) => JSON.stringify({ op: 'classify', text: r.text, options: { features: true } }));
const out = execFileSync(process.env.WEBCARE_CLI || path.join(root, 'build/webcare'), ['call'], { input: reqs.join('\n') + '\n', maxBuffer: 1 << 28 })
  .toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).result);
const names = Object.keys(out[0].features);
const X = out.map((r) => names.map((n) => r.features[n]));
const Y = items.map((r) => CLASSES.indexOf(r.type));

function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function fit(idx, lambda) {
  const K = CLASSES.length, D = names.length;
  const W = Array.from({ length: K }, () => new Array(D).fill(0));
  for (let it = 0; it < ITERS; it++) {
    const G = Array.from({ length: K }, () => new Array(D).fill(0));
    for (const i of idx) {
      const p = softmax(W.map((w) => w.reduce((s, v, d) => s + v * X[i][d], 0)));
      for (let k = 0; k < K; k++) {
        const g = p[k] - (Y[i] === k ? 1 : 0);
        for (let d = 0; d < D; d++) G[k][d] += g * X[i][d];
      }
    }
    for (let k = 0; k < K; k++) {
      for (let d = 0; d < D; d++) {
        const reg = d === 0 ? 0 : lambda * W[k][d]; // bias is not regularised
        W[k][d] -= RATE * (G[k][d] / idx.length + reg);
      }
    }
  }
  return W;
}

const predict = (W, x) => {
  const z = W.map((w) => w.reduce((s, v, d) => s + v * x[d], 0));
  return z.indexOf(Math.max(...z));
};

function macroF1(pairs) {
  let f = 0;
  for (let c = 0; c < CLASSES.length; c++) {
    const tp = pairs.filter(([g, p]) => g === c && p === c).length;
    const fp = pairs.filter(([g, p]) => g !== c && p === c).length;
    const fn = pairs.filter(([g, p]) => g === c && p !== c).length;
    const P = tp + fp ? tp / (tp + fp) : 0, R = tp + fn ? tp / (tp + fn) : 0;
    f += P + R ? (2 * P * R) / (P + R) : 0;
  }
  return f / CLASSES.length;
}

const all = items.map((_, i) => i);
let best = null;
for (const lambda of LAMBDAS) {
  const pairs = [];
  for (let fold = 0; fold < 5; fold++) {
    const tr = all.filter((i) => i % 5 !== fold), te = all.filter((i) => i % 5 === fold);
    const W = fit(tr, lambda);
    for (const i of te) pairs.push([Y[i], predict(W, X[i])]);
  }
  const f = macroF1(pairs);
  console.log(`lambda ${lambda}: 5-fold CV macro-F1 on train ${(100 * f).toFixed(1)}%`);
  if (!best || f > best.f + 1e-9) best = { lambda, f };
}
const W = fit(all, best.lambda);
const trainF = macroF1(all.map((i) => [Y[i], predict(W, X[i])]));
console.log(`chosen lambda ${best.lambda}; train macro-F1 ${(100 * trainF).toFixed(1)}% (CV ${(100 * best.f).toFixed(1)}%)`);

const model = {
  comment: `multinomial logistic regression on ${items.length} train items, lambda ${best.lambda}, ` +
    `5-fold CV macro-F1 ${(100 * best.f).toFixed(1)}%, train ${(100 * trainF).toFixed(1)}% (core/tools/train-classifier.mjs)`,
  features: names,
  weights: Object.fromEntries(CLASSES.map((c, k) => [c, W[k].map((v) => Math.round(v * 10000) / 10000)])),
};
if (!process.argv.includes('--dry-run')) {
  writeFileSync(path.join(root, 'core/lexicon/model.json'), JSON.stringify(model, null, 2) + '\n');
  console.log('wrote core/lexicon/model.json');
}
