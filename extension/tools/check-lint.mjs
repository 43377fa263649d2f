// check-lint.mjs — reads `web-ext lint --output=json` and fails on any error,
// warning or notice except the one the dual Chrome/Firefox background needs
// (Firefox ignores "service_worker" and uses "scripts"; Chrome the reverse).
//   node extension/tools/check-lint.mjs build/web-ext-lint.json
import { readFileSync } from 'node:fs';

const EXPECTED = new Set(['BACKGROUND_SERVICE_WORKER_IGNORED']);
const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const all = [...report.errors, ...report.warnings, ...report.notices];
const bad = all.filter((m) => !EXPECTED.has(m.code));
for (const m of bad) console.error(`web-ext lint: ${m._type} ${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings`
  + ` (${all.length - bad.length} expected: service_worker beside scripts), ${report.notices.length} notices`);
process.exit(bad.length ? 1 : 0);
