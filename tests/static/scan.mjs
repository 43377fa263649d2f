// scan.mjs — the static hardening checks behind tests/static/no-html-sinks.mjs:
// a small JavaScript lexer (comments dropped, string/template/regex bodies
// blanked, string values kept) and per-file-type scanners that report
// {rule, line, col, snippet} for every forbidden sink, network API or remote
// URL. Pure functions over source text; the CLI walks the tree.
//
// Rules:
//   html-sink           innerHTML, outerHTML, insertAdjacentHTML, document.write,
//                       DOMParser, createContextualFragment, (set|parse)HTMLUnsafe,
//                       srcdoc — also as a bracket key ('innerHTML')
//   dynamic-code        eval(, new Function / Function(, setTimeout/setInterval(string)
//   network             fetch(, XMLHttpRequest, WebSocket, EventSource, sendBeacon,
//                       importScripts(, RTCPeerConnection, WebTransport
//   external-messaging  runtime.onMessageExternal / onConnectExternal, externally_connectable
//   remote-url          an http(s)/ws(s)/ftp URL in code or a string (comments are free)
//   inline-script       HTML <script> without src, on* attributes, javascript: URLs
// The extension may use a network API only for its own files; such places are
// listed with a reason in tests/static/allowlist.json.

const REGEX_BEFORE_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await']);
const REGEX_BEFORE_PUNCT = new Set([...'(,=:[!&|?{};+-*%<>~^']);

/**
 * Lexes JavaScript. Returns {code, strings}: `code` is the source with comments
 * replaced by spaces and the bodies of strings, templates and regex literals
 * blanked (delimiters and newlines kept, so offsets and lines stay), and
 * `strings` = [{value, offset}] for every string literal and template chunk.
 */
export function lexJs(src) {
  const out = src.split('');
  const strings = [];
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let prev = ''; // last significant token: a punctuation char, a word, or 'value'
  const templateDepth = []; // brace depth at which each open ${ started
  let depth = 0;
  const n = src.length;

  function readQuoted(q) { // at the opening quote; returns index after the closing one
    const start = i;
    let value = '';
    i++;
    while (i < n && src[i] !== q && src[i] !== '\n') {
      if (src[i] === '\\') {
        value += src[i + 1] ?? '';
        i += 2;
      } else {
        value += src[i++];
      }
    }
    i++;
    strings.push({ value, offset: start });
    blank(start + 1, Math.min(i - 1, n));
  }

  function readTemplateChunk() { // after ` or }: up to the closing ` or ${
    const start = i;
    let value = '';
    while (i < n) {
      if (src[i] === '\\') {
        value += src[i + 1] ?? '';
        i += 2;
      } else if (src[i] === '`') {
        strings.push({ value, offset: start });
        blank(start, i);
        i++;
        return 'end';
      } else if (src[i] === '$' && src[i + 1] === '{') {
        strings.push({ value, offset: start });
        blank(start, i);
        i += 2;
        return 'expr';
      } else {
        value += src[i++];
      }
    }
    strings.push({ value, offset: start });
    blank(start, n);
    return 'end';
  }

  function readRegex() { // at the opening /
    const start = i;
    i++;
    let inClass = false;
    while (i < n && src[i] !== '\n') {
      const c = src[i];
      if (c === '\\') i += 2;
      else if (c === '[') inClass = true, i++;
      else if (c === ']') inClass = false, i++;
      else if (c === '/' && !inClass) break;
      else i++;
    }
    i++;
    while (i < n && /[a-z]/i.test(src[i])) i++;
    blank(start + 1, i);
  }

  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const start = i;
      while (i < n && src[i] !== '\n') i++;
      blank(start, i);
    } else if (c === '/' && d === '*') {
      const start = i;
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      blank(start, i);
    } else if (c === '\'' || c === '"') {
      readQuoted(c);
      prev = 'value';
    } else if (c === '`') {
      i++;
      if (readTemplateChunk() === 'expr') templateDepth.push(depth);
      prev = 'value';
    } else if (c === '/') {
      if (prev === '' || REGEX_BEFORE_PUNCT.has(prev) || REGEX_BEFORE_WORDS.has(prev)) {
        readRegex();
        prev = 'value';
      } else {
        i++;
        prev = '/';
      }
    } else if (c === '{') {
      depth++;
      i++;
      prev = '{';
    } else if (c === '}') {
      if (templateDepth.length && templateDepth[templateDepth.length - 1] === depth) {
        templateDepth.pop();
        i++;
        if (readTemplateChunk() === 'expr') templateDepth.push(depth);
        prev = 'value';
      } else {
        depth--;
        i++;
        prev = '}';
      }
    } else if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (i < n && /[\w$]/.test(src[i])) i++;
      prev = src.slice(start, i);
    } else if (/[0-9]/.test(c)) {
      while (i < n && /[\w.]/.test(src[i])) i++;
      prev = 'value';
    } else if (/\s/.test(c)) {
      i++;
    } else {
      i++;
      prev = c === ')' || c === ']' ? 'value' : c;
    }
  }
  return { code: out.join(''), strings };
}

const URL_RE = /\b(?:https?|wss?|ftp):\/\//i;

const CODE_RULES = [
  ['html-sink', /\b(?:innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|srcdoc)\b/g],
  ['html-sink', /\bdocument\s*\.\s*write(?:ln)?\b/g],
  ['html-sink', /\bDOMParser\b/g],
  ['dynamic-code', /\beval\s*\(/g],
  ['dynamic-code', /\bnew\s+Function\b/g],
  ['dynamic-code', /(?<![.\w$])Function\s*\(/g],
  ['dynamic-code', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/g],
  ['external-messaging', /\bon(?:Message|Connect)External\b/g],
];

const NETWORK_RULES = [
  ['network', /\bfetch\s*\(/g],
  ['network', /\bXMLHttpRequest\b/g],
  ['network', /\bWebSocket\b/g],
  ['network', /\bEventSource\b/g],
  ['network', /\bsendBeacon\b/g],
  ['network', /\bimportScripts\s*\(/g],
  ['network', /\bRTCPeerConnection\b/g],
  ['network', /\bWebTransport\b/g],
];

// XML namespace names are identifiers, never fetched.
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);

const HTML_SINK_KEYS = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc', 'setHTMLUnsafe']);

function lineCol(src, offset) {
  let line = 1;
  let last = -1;
  for (let k = src.indexOf('\n'); k !== -1 && k < offset; k = src.indexOf('\n', k + 1)) {
    line++;
    last = k;
  }
  return { line, col: offset - last };
}

function hit(src, rule, offset, length) {
  const { line, col } = lineCol(src, offset);
  const from = Math.max(0, offset - 60);
  const to = Math.min(src.length, offset + length + 60);
  return { rule, line, col, match: src.slice(offset, offset + length),
           context: src.slice(from, to).replace(/\s+/g, ' ') };
}

function applyRules(scanned, original, rules) {
  const found = [];
  for (const [rule, re] of rules) {
    re.lastIndex = 0;
    for (let m = re.exec(scanned); m; m = re.exec(scanned)) found.push(hit(original, rule, m.index, m[0].length));
  }
  return found;
}

/** Extension JavaScript: every rule. */
export function scanJs(src) {
  const { code, strings } = lexJs(src);
  const found = applyRules(code, src, [...CODE_RULES, ...NETWORK_RULES]);
  for (const s of strings) {
    const u = URL_RE.exec(s.value);
    if (u && !NAMESPACES.has(s.value)) found.push(hit(src, 'remote-url', s.offset, Math.min(s.value.length + 2, 120)));
    if (HTML_SINK_KEYS.has(s.value)) found.push(hit(src, 'html-sink', s.offset, s.value.length + 2));
    if (s.value === 'externally_connectable') found.push(hit(src, 'external-messaging', s.offset, s.value.length + 2));
  }
  return found.sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * Emscripten output (extension/engine): network APIs and remote URLs only,
 * on the raw text (minified code is not lexed; strings count too).
 */
export function scanEngine(src) {
  const found = applyRules(src, src, NETWORK_RULES);
  const re = new RegExp(URL_RE.source, 'gi');
  for (let m = re.exec(src); m; m = re.exec(src)) found.push(hit(src, 'remote-url', m.index, m[0].length));
  return found.sort((a, b) => a.line - b.line || a.col - b.col);
}

const blankRange = (s, from, to) => s.slice(0, from) + s.slice(from, to).replace(/[^\n]/g, ' ') + s.slice(to);

/** Extension HTML pages: no inline script, handlers, javascript: URLs or remote resources. */
export function scanHtml(src) {
  let text = src;
  for (let m = /<!--[\s\S]*?-->/g.exec(text); m; m = /<!--[\s\S]*?-->/g.exec(text)) {
    text = blankRange(text, m.index, m.index + m[0].length);
  }
  const found = [];
  const add = (rule, re) => {
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(hit(src, rule, m.index, m[0].length));
  };
  // <script> without src, or with content between the tags.
  for (let m, re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi; (m = re.exec(text));) {
    if (!/\bsrc\s*=/i.test(m[1]) || m[2].trim() !== '') found.push(hit(src, 'inline-script', m.index, 8));
  }
  add('inline-script', /<[a-z][^>]*\son[a-z]+\s*=/gi);
  add('inline-script', /javascript\s*:/gi);
  add('html-sink', /<(?:iframe|frame|object|embed|base)\b/gi);
  add('html-sink', /<meta[^>]+http-equiv\s*=\s*["']?refresh/gi);
  const re = /\b(?:https?|wss?|ftp):\/\/[^\s"'<>)]*/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 10), m.index);
    if (/xmlns(?::\w+)?\s*=\s*["']$/.test(before)) continue; // namespace names are not requests
    found.push(hit(src, 'remote-url', m.index, m[0].length));
  }
  return found.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Extension CSS: no remote url(), @import or any URL outside comments. */
export function scanCss(src) {
  let text = src;
  for (let m = /\/\*[\s\S]*?\*\//g.exec(text); m; m = /\/\*[\s\S]*?\*\//g.exec(text)) {
    text = blankRange(text, m.index, m.index + m[0].length);
  }
  const found = [];
  const re = /\b(?:https?|wss?|ftp):\/\/|\/\/[a-z0-9-]+\.[a-z]/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(hit(src, 'remote-url', m.index, m[0].length));
  for (let m, r = /@import\b/gi; (m = r.exec(text));) found.push(hit(src, 'remote-url', m.index, m[0].length));
  return found;
}

/** JSON data shipped with the extension: no URLs. */
export function scanJson(src) {
  const found = [];
  const re = new RegExp(URL_RE.source, 'gi');
  for (let m = re.exec(src); m; m = re.exec(src)) found.push(hit(src, 'remote-url', m.index, m[0].length));
  if (/"externally_connectable"/.test(src)) found.push(hit(src, 'external-messaging', src.indexOf('externally_connectable'), 22));
  return found;
}

/** Picks the scanner for a path (relative to the repository root), or null. */
export function scannerFor(rel) {
  if (/^extension\/engine\//.test(rel)) return /\.m?js$/.test(rel) ? scanEngine : null;
  if (/\.(m?js|cjs)$/.test(rel)) return scanJs;
  if (/\.html?$/.test(rel)) return scanHtml;
  if (/\.css$/.test(rel)) return scanCss;
  if (/\.json$/.test(rel)) return scanJson;
  return null;
}

/**
 * Splits hits into {failures, allowed, unused}: a hit is allowed when an
 * allowlist entry has the same file and rule and its `match` occurs in the
 * hit's context. Unused entries are returned so a stale allowlist fails too.
 */
export function applyAllowlist(hitsByFile, allowlist) {
  const used = new Set();
  const failures = [];
  const allowed = [];
  for (const [file, hits] of hitsByFile) {
    for (const h of hits) {
      const idx = allowlist.findIndex((e) => e.file === file && e.rule === h.rule && h.context.includes(e.match));
      if (idx >= 0) {
        used.add(idx);
        allowed.push({ file, ...h, reason: allowlist[idx].reason });
      } else {
        failures.push({ file, ...h });
      }
    }
  }
  const unused = allowlist.filter((_, i) => !used.has(i));
  return { failures, allowed, unused };
}
