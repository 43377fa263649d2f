// no-html-sinks.mjs — the static hardening check run by `make test-static`.
// Scans every file the extension ships from (extension/**, except the built
// extension/dist and git-ignored vendor copies are scanned like the rest;
// extension/engine — emcc output — for network APIs and URLs only) with
// tests/static/scan.mjs, checks manifest.json with tests/static/manifest.mjs,
// and fails on any hit not listed in tests/static/allowlist.json (each entry
// has a reason) and on allowlist entries that no longer match anything.
//
//   node tests/static/no-html-sinks.mjs [--root DIR] [--verbose]
// --root: check another tree laid out like the repository (the unpacked dist zip).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkManifest } from './manifest.mjs';
import { applyAllowlist, scannerFor } from './scan.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const ROOT = rootArg >= 0 ? path.resolve(args[rootArg + 1]) : path.resolve(HERE, '../..');
const VERBOSE = args.includes('--verbose');
const SKIP_DIRS = new Set(['extension/dist', 'node_modules']);

function walk(dir, out = []) {
  for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (SKIP_DIRS.has(rel)) continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel, out);
    else out.push(rel);
  }
  return out;
}

const allowlist = JSON.parse(readFileSync(path.join(HERE, 'allowlist.json'), 'utf8')).entries;
for (const e of allowlist) {
  if (!e.file || !e.rule || !e.match || !e.reason) throw new Error(`allowlist entry needs file, rule, match, reason: ${JSON.stringify(e)}`);
}

const hitsByFile = new Map();
let scanned = 0;
for (const rel of walk('extension')) {
  const scan = scannerFor(rel);
  if (!scan) continue;
  scanned++;
  const hits = scan(readFileSync(path.join(ROOT, rel), 'utf8'));
  if (hits.length) hitsByFile.set(rel, hits);
}
// Allowlist entries for files absent from this tree (e.g. git-ignored vendor
// copies before a build) are not "unused".
const present = allowlist.filter((e) => existsSync(path.join(ROOT, e.file)));
const { failures, allowed, unused } = applyAllowlist(hitsByFile, present);

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const manifestProblems = checkManifest(manifest, (f) => existsSync(path.join(ROOT, f)));

for (const f of failures) console.error(`${f.file}:${f.line}:${f.col}: ${f.rule}: ${f.match}   … ${f.context}`);
for (const e of unused) console.error(`tests/static/allowlist.json: unused entry ${e.file} ${e.rule} "${e.match}"`);
for (const p of manifestProblems) console.error(`manifest.json: ${p}`);
if (VERBOSE) for (const a of allowed) console.log(`allowed ${a.file}:${a.line} ${a.rule} (${a.reason})`);
const bad = failures.length + unused.length + manifestProblems.length;
console.log(`static: ${scanned} files scanned, ${allowed.length} allowlisted, ${failures.length} forbidden,`
  + ` ${unused.length} stale allowlist entries, ${manifestProblems.length} manifest problems`);
process.exit(bad ? 1 : 0);
