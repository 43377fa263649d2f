// manifest.mjs — what manifest.json may ask for (SPEC "Permissions"): the
// `storage` permission, host access to X/Twitter, Facebook and LinkedIn only,
// the extension-pages CSP `script-src 'self' 'wasm-unsafe-eval'; object-src
// 'self'`, no remote code, no external messaging, no web-accessible files,
// and every file it names exists locally. checkManifest() returns a list of
// problems (empty = fine).

export const SITE_DOMAINS = Object.freeze(['x.com', 'twitter.com', 'facebook.com', 'linkedin.com']);
export const EXPECTED_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/** True for https://<domain>/* or https://*.<domain>/* of one of the three sites. */
export function isSitePattern(p) {
  const m = /^https:\/\/(\*\.)?([a-z0-9.-]+)\/\*$/.exec(String(p));
  return Boolean(m) && SITE_DOMAINS.includes(m[2]);
}

function cspDirectives(csp) {
  const out = new Map();
  for (const part of String(csp).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

/** Problems with the extension-pages CSP string. */
export function checkCsp(csp) {
  const problems = [];
  if (typeof csp !== 'string') return ['content_security_policy.extension_pages is missing'];
  const dirs = cspDirectives(csp);
  const script = dirs.get('script-src');
  if (!script) problems.push('CSP has no script-src');
  else {
    const extra = script.filter((v) => v !== "'self'" && v !== "'wasm-unsafe-eval'");
    if (extra.length) problems.push(`CSP script-src allows more than 'self' 'wasm-unsafe-eval': ${extra.join(' ')}`);
  }
  for (const [name, values] of dirs) {
    for (const v of values) {
      if (/^'unsafe-(eval|inline|hashes)'$/.test(v)) problems.push(`CSP ${name} allows ${v}`);
      if (/^(https?:|wss?:|\*|data:|blob:)/i.test(v) || /\./.test(v.replace(/^'.*'$/, ''))) {
        problems.push(`CSP ${name} allows a remote or inline source: ${v}`);
      }
    }
  }
  if (csp.replace(/\s+/g, ' ').trim() !== EXPECTED_CSP) problems.push(`CSP is "${csp}", expected "${EXPECTED_CSP}"`);
  return problems;
}

/** Every local file the manifest refers to. */
export function manifestFiles(m) {
  const files = new Set();
  for (const v of Object.values(m.icons ?? {})) files.add(v);
  for (const v of Object.values(m.action?.default_icon ?? {})) files.add(v);
  if (m.action?.default_popup) files.add(m.action.default_popup);
  if (m.options_ui?.page) files.add(m.options_ui.page);
  if (m.options_page) files.add(m.options_page);
  if (m.background?.service_worker) files.add(m.background.service_worker);
  for (const s of m.background?.scripts ?? []) files.add(s);
  for (const cs of m.content_scripts ?? []) for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) files.add(f);
  return [...files];
}

/**
 * m: parsed manifest.json; exists(relPath) -> boolean.
 * Returns a list of human-readable problems.
 */
export function checkManifest(m, exists = () => true) {
  const problems = [];
  if (m.manifest_version !== 3) problems.push('manifest_version must be 3');
  const perms = m.permissions ?? [];
  if (JSON.stringify(perms) !== JSON.stringify(['storage'])) {
    problems.push(`permissions must be exactly ["storage"], got ${JSON.stringify(perms)}`);
  }
  for (const key of ['optional_permissions', 'optional_host_permissions']) {
    if (m[key] && m[key].length) problems.push(`${key} must be empty, got ${JSON.stringify(m[key])}`);
  }
  const hosts = m.host_permissions ?? [];
  for (const h of hosts) if (!isSitePattern(h)) problems.push(`host permission outside the three sites: ${h}`);
  for (const d of SITE_DOMAINS) {
    if (!hosts.some((h) => h.endsWith(`${d}/*`))) problems.push(`no host permission for ${d}`);
  }
  for (const [i, cs] of (m.content_scripts ?? []).entries()) {
    for (const p of cs.matches ?? []) if (!isSitePattern(p)) problems.push(`content_scripts[${i}] matches ${p}`);
    if (cs.match_about_blank || cs.match_origin_as_fallback) problems.push(`content_scripts[${i}] runs in about:/data: frames`);
    if (cs.world === 'MAIN') problems.push(`content_scripts[${i}] runs in the page's main world`);
  }
  if (!m.content_security_policy || typeof m.content_security_policy !== 'object') {
    problems.push('content_security_policy must be the MV3 object form');
  } else {
    problems.push(...checkCsp(m.content_security_policy.extension_pages));
    if (m.content_security_policy.sandbox) problems.push('content_security_policy.sandbox is not expected');
  }
  if ('externally_connectable' in m) problems.push('externally_connectable must not be set');
  if ('web_accessible_resources' in m) problems.push('web_accessible_resources must not be set (pages could probe for the extension)');
  if ('update_url' in m) problems.push('update_url must not be set (no remote updates)');
  if ('sandbox' in m) problems.push('sandbox pages are not expected');
  if ('chrome_url_overrides' in m || 'devtools_page' in m) problems.push('no page overrides or devtools pages expected');
  for (const f of manifestFiles(m)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(f) || f.startsWith('//')) problems.push(`manifest refers to a remote file: ${f}`);
    else if (!exists(f)) problems.push(`manifest refers to a missing file: ${f}`);
  }
  if (m.background && m.background.type !== 'module') problems.push('background must be an ES module');
  return problems;
}
