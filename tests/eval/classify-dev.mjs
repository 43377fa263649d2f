// classify-dev.mjs — quick report on the TRAINING data through the native CLI,
// with the errors listed (for lexicon work; it never reads held-out items).
// Sets: the train split of mentions.jsonl and mentions-extra.jsonl.
// Usage: node tests/eval/classify-dev.mjs [--errors] [--set train|extra|all]
import { execFileSync } from 'node:child_process';
import { readLines, nativeCli } from '../wasm/helpers.mjs';
import { typeMetrics, binaryMetrics, formatReport, formatBinary } from './classify-metrics.mjs';

const argSet = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'all';
const load = (f) => readLines(f).map((l) => JSON.parse(l)).filter((r) => r.split === 'train');
let items = [];
if (argSet === 'train' || argSet === 'all') items = items.concat(load('tests/data/mentions.jsonl'));
if (argSet === 'extra' || argSet === 'all') items = items.concat(load('tests/data/mentions-extra.jsonl'));
const cli = process.env.WEBCARE_CLI || nativeCli;
const input = items.map((r) => JSON.stringify({ op: 'classify', text: r.text })).join('\n') + '\n';
const out = execFileSync(cli, ['call'], { input, maxBuffer: 1 << 28 }).toString('utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l).result);
const pairs = items.map((r, i) => ({ gold: r.type, pred: out[i].type }));
console.log(formatReport(`training data: ${argSet} (native)`, [{ name: 'webcare', metrics: typeMetrics(pairs) }]));
console.log(formatBinary('profanity', binaryMetrics(items.map((r, i) => ({ gold: r.profanity, pred: out[i].profanity })))));
console.log(formatBinary('sarcasm', binaryMetrics(items.map((r, i) => ({ gold: r.sarcasm, pred: out[i].sarcasm })))));
console.log('language acc', (items.filter((r, i) => r.lang === out[i].language).length / items.length).toFixed(3));
if (process.argv.includes('--errors')) {
  items.forEach((r, i) => {
    const o = out[i];
    const bad = [];
    if (r.type !== o.type) bad.push(`${r.type}->${o.type}`);
    if (r.profanity !== o.profanity) bad.push(`prof ${r.profanity}`);
    if (r.sarcasm !== o.sarcasm) bad.push(`sarc ${r.sarcasm}`);
    if (r.lang !== o.language) bad.push(`lang ${r.lang}->${o.language}`);
    if (bad.length) console.log(`${r.id} [${bad.join(', ')}] ${r.text.slice(0, 140).replace(/\n/g, ' ')}`);
  });
}
