// dist-files.mjs — the files the packed extension needs, for `make dist`:
// manifest.json plus everything reachable from it. Starts at the manifest's
// entries (service worker, content-script bundle, popup/options pages,
// icons) and every page in extension/pages/, then follows static and dynamic
// imports, `new URL('…', import.meta.url)` and other relative file names in
// string literals (.html .json .wasm .png .css .mjs .js), <script src>,
// <link href>, <img src>, <a href> of local pages, and CSS url(). Sources
// that are only bundled (extension/content/**), tools, READMEs, maps and tests
// are therefore left out. Prints one repository-relative path per line
// (sorted); exits 1 when a referenced file is missing.
//
//   node extension/tools/dist-files.mjs [ROOT]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../..'));
const FILE_RE = /\.(?:html|json|wasm|png|css|mjs|js)$/;
const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
const isLocal = (ref) => ref && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref);

function manifestEntries(m) {
  const out = ['manifest.json'];
  for (const v of Object.values(m.icons ?? {})) out.push(v);
  for (const v of Object.values(m.action?.default_icon ?? {})) out.push(v);
  if (m.action?.default_popup) out.push(m.action.default_popup);
  if (m.options_ui?.page) out.push(m.options_ui.page);
  if (m.background?.service_worker) out.push(m.background.service_worker);
  for (const s of m.background?.scripts ?? []) out.push(s);
  for (const cs of m.content_scripts ?? []) out.push(...(cs.js ?? []), ...(cs.css ?? []));
  return out;
}

/** Candidate references of one file: [{ref, from: 'file'|'root'}]. */
function references(file, text) {
  const refs = [];
  const add = (ref) => {
    const clean = String(ref).split(/[?#]/)[0];
    if (isLocal(clean)) refs.push(clean);
  };
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/<(?:script|img|link|a|source|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)) add(m[1]);
  } else if (file.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) if (!m[1].startsWith('data:')) add(m[1]);
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/gi)) add(m[1]);
  } else if (/\.m?js$/.test(file)) {
    for (const m of text.matchAll(/(?<![\w$.#-])(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g)) add(m[1]);
    for (const m of text.matchAll(/(?<![\w$.#-])import\s*["']([^"']+)["']/g)) add(m[1]);
    for (const m of text.matchAll(/(?<![\w$.#-])import\s*\(\s*["']([^"']+)["']\s*\)/g)) add(m[1]);
    for (const m of text.matchAll(/["'`]([\w./-]+)["'`]/g)) if (FILE_RE.test(m[1])) add(m[1]);
  }
  return refs;
}

function resolveRef(from, ref, strict) {
  const candidates = [path.resolve(path.dirname(from), ref), path.resolve(ROOT, ref)];
  for (const c of candidates) {
    if (c.startsWith(ROOT + path.sep) && existsSync(c) && statSync(c).isFile()) return c;
  }
  if (strict) throw new Error(`${rel(from)} refers to ${ref}, which does not exist`);
  return null;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const pagesDir = path.join(ROOT, 'extension/pages');
const pageEntries = existsSync(pagesDir)
  ? readdirSync(pagesDir).filter((f) => f.endsWith('.html')).map((f) => `extension/pages/${f}`) : [];
const queue = [...manifestEntries(manifest), ...pageEntries].map((f) => path.resolve(ROOT, f));
const seen = new Set();
let missing = 0;
while (queue.length) {
  const abs = queue.pop();
  if (seen.has(abs)) continue;
  if (!existsSync(abs)) {
    console.error(`dist-files: missing ${rel(abs)}`);
    missing++;
    continue;
  }
  seen.add(abs);
  if (!/\.(?:html|css|m?js)$/.test(abs)) continue;
  const text = readFileSync(abs, 'utf8');
  // Import specifiers and HTML/CSS references must exist; loose string
  // literals that merely look like file names are followed only if they do.
  const strictRefs = new Set();
  if (/\.m?js$/.test(abs)) {
    for (const m of text.matchAll(/(?<![\w$.#-])(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']|(?<![\w$.#-])import\s*\(?\s*["']([^"']+)["']/g)) {
      strictRefs.add(m[1] ?? m[2]);
    }
  }
  for (const ref of references(abs, text)) {
    const strict = !/\.m?js$/.test(abs) || strictRefs.has(ref);
    try {
      const target = resolveRef(abs, ref, strict && !ref.endsWith('.html'));
      if (target && !seen.has(target)) queue.push(target);
    } catch (err) {
      console.error(`dist-files: ${err.message}`);
      missing++;
    }
  }
}
const files = [...seen].map(rel).filter((f) => !/(^|\/)(tools|tests?|node_modules)\//.test(f) && !f.endsWith('.map')).sort();
process.stdout.write(files.join('\n') + '\n');
process.exit(missing ? 1 : 0);
