// common.js — shared by the extension pages: a DOM builder (text only via
// textContent), the page's own engine, and small storage helpers.
//
// Engine choice: the pages instantiate the WASM engine themselves (extension
// pages run under the extension CSP, 'wasm-unsafe-eval', so this is allowed).
// They need ops the content-script protocol does not carry (check-pack for the
// team pack import) and they work without any site tab and without waking the
// service worker; one instantiation per page (~ms) is cheap next to a page load.
import { createEngine } from '../engine/webcare.mjs';

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

let enginePromise = null;
/** The page's engine (created on first use). */
export function engine() {
  enginePromise ??= createEngine().catch((err) => {
    enginePromise = null;
    throw err;
  });
  return enginePromise;
}

/** Runs one request; resolves to {result} | {error:{code,message}} (never throws). */
export async function call(request) {
  try {
    const eng = await engine();
    const resp = eng.call(request);
    return resp.error ? { error: resp.error } : { result: resp.result };
  } catch (err) {
    return { error: { code: err?.code ?? 'engine-error', message: String(err?.message ?? err) } };
  }
}

export const debounce = (fn, ms) => {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
};

/** Offers `text` as a file download (no network: a blob URL of this page). */
export function download(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text; falls back to a hidden textarea + execCommand. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = h('textarea', { class: 'sr', 'aria-hidden': 'true' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/** Marks the nav link of this page. */
export function markNav(page) {
  for (const a of document.querySelectorAll('.topbar nav a')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
  }
}

export const PLATFORMS = Object.freeze([
  { id: 'x', label: 'X' }, { id: 'facebook', label: 'Facebook' }, { id: 'linkedin', label: 'LinkedIn' },
]);
export const platformLabel = (id) => PLATFORMS.find((p) => p.id === id)?.label ?? id;
