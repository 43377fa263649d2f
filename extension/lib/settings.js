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
//     enabled: {x: true, ...},    // Webcare Lens on this site at all (badges, panel, lint)
//     signoff: '^{name}',         // sign-off format ('' = the core's default per platform)
//     teamPack: '',               // team rule pack as validated JSON text ('' = none)
//     traineeMode: false,         // explain every finding, checklist always open
//     retentionDays: 90,          // local history / stats kept this many days
//   }
// Simple API for pages and scripts: getSettings(), setSettings(patch),
// onSettingsChanged(cb); lintFields(settings) gives the lint request fields.
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
  enabled: Object.freeze({ x: true, facebook: true, linkedin: true }),
  signoff: '',
  teamPack: '',
  traineeMode: false,
  retentionDays: 90,
});
export const RETENTION_CHOICES = Object.freeze([7, 30, 90, 365]);
export const MAX_PACK_CHARS = 40000;

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stored value -> complete settings (unknown or bad fields fall back to the defaults). */
export function normalizeSettings(raw) {
  const s = isObj(raw) ? raw : {};
  const gate = {};
  const lint = {};
  const enabled = {};
  for (const site of Object.keys(DEFAULT_SETTINGS.gate)) {
    const en = isObj(s.enabled) ? s.enabled[site] : undefined;
    enabled[site] = typeof en === 'boolean' ? en : DEFAULT_SETTINGS.enabled[site];
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
    enabled,
    signoff: typeof s.signoff === 'string' ? s.signoff.slice(0, 40) : DEFAULT_SETTINGS.signoff,
    teamPack: typeof s.teamPack === 'string' && s.teamPack.length <= MAX_PACK_CHARS ? s.teamPack : '',
    traineeMode: s.traineeMode === true,
    retentionDays: RETENTION_CHOICES.includes(s.retentionDays) ? s.retentionDays : DEFAULT_SETTINGS.retentionDays,
  };
}

/** The lint request fields the settings imply: {agent?, config?} (team pack parsed). */
export function lintFields(settings) {
  const s = normalizeSettings(settings);
  const out = {};
  if (s.agent) out.agent = s.agent;
  const config = {};
  if (s.style) config.style = s.style;
  if (s.disabled.length) config.disabled = [...s.disabled];
  if (s.signoff) config.signoff = s.signoff;
  if (s.teamPack) {
    try {
      const pack = JSON.parse(s.teamPack);
      if (isObj(pack)) config.pack = pack;
    } catch {
      /* stored packs were validated; a broken one is ignored */
    }
  }
  if (Object.keys(config).length) out.config = config;
  return out;
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

/** The settings, defaults filled in (never throws). */
export async function getSettings() {
  return (await loadSettings()).settings;
}

/** Merges `patch` (gate/lint/enabled merge per site) into the stored settings; resolves to the result. */
export async function setSettings(patch) {
  const area = storageArea();
  if (!area) throw new Error('opslag niet beschikbaar');
  const cur = await getSettings();
  const p = isObj(patch) ? patch : {};
  const next = { ...cur, ...p };
  for (const k of ['gate', 'lint', 'enabled']) if (isObj(p[k])) next[k] = { ...cur[k], ...p[k] };
  const clean = normalizeSettings(next);
  await area.set({ [SETTINGS_KEY]: clean });
  return clean;
}

/** cb(settings) after every change; returns an unsubscribe. */
export function onSettingsChanged(cb) {
  return watchSettings(({ settings }) => cb(settings));
}
