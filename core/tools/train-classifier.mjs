#!/usr/bin/env node
// train-classifier.mjs — fits the classifier's linear model (multinomial
// logistic regression, L2) on the cue features plus the hashed word buckets
// (classify.c word_bucket, 4096 buckets, presence 0/1) of the TRAIN split of
// tests/data/mentions.jsonl + tests/data/mentions-extra.jsonl and writes
// core/lexicon/model.json (bucket weights quantised to int8 with one scale).
// The held-out split is never read for training or tuning: the two lambdas
// (cue features, buckets) are chosen by 5-fold cross-validation inside train. Deterministic (fixed folds, full-batch
// gradient descent, fixed iterations). Needs build/webcare (make native).
// Then: node core/tools/gen-lexicon.mjs && make.
// Usage: node core/tools/train-classifier.mjs [--dry-run]
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLASSES = ['happy', 'neutral', 'angry', 'question'];
const LAMBDAS = [0.001];               // cue features (0.001 won the wider grid before)
const HLAMBDAS = [0.0003, 0.001, 0.003]; // hashed word buckets
const NHASH = 4096;
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
const B = out.map((r) => r.buckets);
const Y = items.map((r) => CLASSES.indexOf(r.type));

function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

// Full-batch gradient descent; the score of class k is W[k]·x + Σ V[k][b] over
// the item's buckets. hlambda < 0: cue features only.
function fit(idx, lambda, hlambda) {
  const K = CLASSES.length, D = names.length;
  const W = Array.from({ length: K }, () => new Float64Array(D));
  const V = Array.from({ length: K }, () => new Float64Array(NHASH));
  const G = Array.from({ length: K }, () => new Float64Array(D));
  const GV = Array.from({ length: K }, () => new Float64Array(NHASH));
  const used = hlambda < 0 ? [] : [...new Set(idx.flatMap((i) => B[i]))];
  const z = new Float64Array(K);
  for (let it = 0; it < ITERS; it++) {
    for (let k = 0; k < K; k++) { G[k].fill(0); for (const b of used) GV[k][b] = 0; }
    for (const i of idx) {
      let m = -Infinity, sum = 0;
      for (let k = 0; k < K; k++) {
        let v = 0;
        for (let d = 0; d < D; d++) v += W[k][d] * X[i][d];
        if (hlambda >= 0) for (const b of B[i]) v += V[k][b];
        z[k] = v;
        if (v > m) m = v;
      }
      for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k] - m); sum += z[k]; }
      for (let k = 0; k < K; k++) {
        const g = z[k] / sum - (Y[i] === k ? 1 : 0);
        for (let d = 0; d < D; d++) G[k][d] += g * X[i][d];
        if (hlambda >= 0) for (const b of B[i]) GV[k][b] += g;
      }
    }
    for (let k = 0; k < K; k++) {
      for (let d = 0; d < D; d++) {
        const reg = d === 0 ? 0 : lambda * W[k][d]; // bias is not regularised
        W[k][d] -= RATE * (G[k][d] / idx.length + reg);
      }
      for (const b of used) V[k][b] -= RATE * (GV[k][b] / idx.length + hlambda * V[k][b]);
    }
  }
  return { W, V };
}

// int8 per bucket weight with one scale (what lexicon_model.c stores)
function quantise(model) {
  let mx = 0;
  for (const v of model.V) for (const x of v) mx = Math.max(mx, Math.abs(x));
  const scale = mx > 0 ? mx / 127 : 1;
  const Q = model.V.map((v) => Array.from(v, (x) => Math.round(x / scale)));
  return { W: model.W, V: Q.map((q) => Float64Array.from(q, (x) => x * scale)), Q, scale };
}

const predict = ({ W, V }, i) => {
  const z = W.map((w, k) => w.reduce((s, v, d) => s + v * X[i][d], 0) + B[i].reduce((s, b) => s + V[k][b], 0));
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
const cv = (lambda, hlambda) => {
  const pairs = [];
  for (let fold = 0; fold < 5; fold++) {
    const tr = all.filter((i) => i % 5 !== fold), te = all.filter((i) => i % 5 === fold);
    const m = quantise(fit(tr, lambda, hlambda));
    for (const i of te) pairs.push([Y[i], predict(m, i)]);
  }
  return macroF1(pairs);
};
const cueOnly = cv(LAMBDAS[0], -1);
console.log(`cue features only (lambda ${LAMBDAS[0]}): 5-fold CV macro-F1 ${(100 * cueOnly).toFixed(1)}%`);
let best = null;
for (const lambda of LAMBDAS) {
  for (const hlambda of HLAMBDAS) {
    const f = cv(lambda, hlambda);
    console.log(`lambda ${lambda}, buckets ${hlambda}: 5-fold CV macro-F1 on train ${(100 * f).toFixed(1)}%`);
    if (!best || f > best.f + 1e-9) best = { lambda, hlambda, f };
  }
}
const M = quantise(fit(all, best.lambda, best.hlambda));
const W = M.W;
const trainF = macroF1(all.map((i) => [Y[i], predict(M, i)]));
console.log(`chosen lambda ${best.lambda}/${best.hlambda}; train macro-F1 ${(100 * trainF).toFixed(1)}% (CV ${(100 * best.f).toFixed(1)}%)`);

const model = {
  comment: `multinomial logistic regression on ${items.length} train items, lambda ${best.lambda} ` +
    `(hashed words ${best.hlambda}), 5-fold CV macro-F1 ${(100 * best.f).toFixed(1)}% ` +
    `(cue features only ${(100 * cueOnly).toFixed(1)}%), train ${(100 * trainF).toFixed(1)}% (core/tools/train-classifier.mjs)`,
  features: names,
  weights: Object.fromEntries(CLASSES.map((c, k) => [c, Array.from(W[k], (v) => Math.round(v * 10000) / 10000)])),
  hashed: { buckets: NHASH, scale: M.scale, weights: Object.fromEntries(CLASSES.map((c, k) => [c, M.Q[k]])) },
};
// the 4 x 4096 bucket weights one line per class
const json = JSON.stringify(model, (k, v) => (Array.isArray(v) && v.length === NHASH ? `@@${k}` : v), 2)
  .replace(/"@@(\w+)"/g, (_, c) => `[${model.hashed.weights[c].join(',')}]`);
if (!process.argv.includes('--dry-run')) {
  writeFileSync(path.join(root, 'core/lexicon/model.json'), json + '\n');
  console.log('wrote core/lexicon/model.json');
}
