// settings.js — the user's settings in chrome.storage.local, defined once:
// the key, the shape, the defaults and a reader that fills in the defaults.
// The options page (later) writes the same key; content scripts only read it
// and follow changes.
//
//   chrome.storage.local['webcare.settings'] = {
//     gate:   {x: 'warn'|'block'|'off', facebook: ..., linkedin: ...},
//     lint:   {x: true, facebook: true, linkedin: true},   // live lint on/off per site
//     agent:  'Sanne',            // name for the sign-off rule ('' = none expected)
//     style:  ''|'je'|'u',        // house style for register-mix
//     disabled: ['rule-id', ...], // rules switched off
//   }
//
// Test hook: chrome.storage.local['webcare.test.failEngine'] = 'error' | 'slow'
// makes the composer's lint calls fail / take 1 s (only honoured when set;
// the e2e suite uses it to prove that the gate fails open).
import { ext } from './browser.js';

export const SETTINGS_KEY = 'webcare.settings';
export const TEST_FAIL_ENGINE_KEY = 'webcare.test.failEngine';
export const GATE_MODES = Object.freeze(['warn', 'block', 'off']);
export const STYLES = Object.freeze(['', 'je', 'u']);

export const DEFAULT_SETTINGS = Object.freeze({
  gate: Object.freeze({ x: 'warn', facebook: 'warn', linkedin: 'warn' }),
  lint: Object.freeze({ x: true, facebook: true, linkedin: true }),
  agent: '',
  style: '',
  disabled: Object.freeze([]),
});

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stored value -> complete settings (unknown or bad fields fall back to the defaults). */
export function normalizeSettings(raw) {
  const s = isObj(raw) ? raw : {};
  const gate = {};
  const lint = {};
  for (const site of Object.keys(DEFAULT_SETTINGS.gate)) {
    const mode = isObj(s.gate) ? s.gate[site] : undefined;
    gate[site] = GATE_MODES.includes(mode) ? mode : DEFAULT_SETTINGS.gate[site];
    const on = isObj(s.lint) ? s.lint[site] : undefined;
    lint[site] = typeof on === 'boolean' ? on : DEFAULT_SETTINGS.lint[site];
  }
  return {
    gate,
    lint,
    agent: typeof s.agent === 'string' ? s.agent.slice(0, 80) : DEFAULT_SETTINGS.agent,
    style: STYLES.includes(s.style) ? s.style : DEFAULT_SETTINGS.style,
    disabled: Array.isArray(s.disabled) ? s.disabled.filter((x) => typeof x === 'string').slice(0, 100) : [],
  };
}

function storageArea() {
  try {
    return ext?.storage?.local ?? null;
  } catch {
    return null; // extension context gone
  }
}

/** Reads settings (+ the test hook); never throws: defaults when storage is unavailable. */
export async function loadSettings() {
  const area = storageArea();
  if (!area) return { settings: normalizeSettings(null), failEngine: null };
  try {
    const got = await area.get([SETTINGS_KEY, TEST_FAIL_ENGINE_KEY]);
    const fail = got?.[TEST_FAIL_ENGINE_KEY];
    return { settings: normalizeSettings(got?.[SETTINGS_KEY]),
             failEngine: fail === 'error' || fail === 'slow' ? fail : null };
  } catch {
    return { settings: normalizeSettings(null), failEngine: null };
  }
}

/** Calls onChange({settings, failEngine}) whenever either key changes. Returns an unsubscribe. */
export function watchSettings(onChange) {
  const listener = (changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || TEST_FAIL_ENGINE_KEY in changes)) return;
    loadSettings().then(onChange);
  };
  try {
    ext?.storage?.onChanged?.addListener(listener);
  } catch {
    return () => {};
  }
  return () => ext?.storage?.onChanged?.removeListener(listener);
}
