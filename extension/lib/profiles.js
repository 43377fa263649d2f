// profiles.js — brand profiles (issue 12; seed 004: outsourced webcare teams
// serve several clients). One profile per brand the agent answers for:
//
//   chrome.storage.local['webcare.profiles'] = {v: 1, active: 'default' | id, profiles: [
//     {id, name, handles: {x: ['@coolblue'], facebook: ['Coolblue'], linkedin: ['Coolblue']},
//      agent, signoff, style, teamPack, gate: {x, facebook, linkedin}} ]}
//
// Migration: the global settings ('webcare.settings', lib/settings.js) are the
// "default profile". A profile field that is null inherits the global value,
// so the default profile (all fields null) is exactly the old behaviour and
// the options page keeps editing it; nothing is copied or dropped.
//
// Which profile is active: on a site page, the profile that claims the
// account posting there (adapter `account` selectors: X's account switcher
// @handle, Facebook's "Reageer als <Pagina>", LinkedIn's "Reageren als
// <Pagina>"); otherwise the one chosen in the popup (`active`).
//
// A profile travels as one JSON file (exportProfile / parseProfileFile) so a
// team lead can hand it to every agent: {"webcareLensProfile": 1, "name", …,
// "pack": {rule pack} | null}. parseProfileFile never throws and names the
// field that is wrong; importing validates first, so a bad file changes nothing.
import { ext, localStorageArea } from './browser.js';
import { GATE_MODES, MAX_PACK_CHARS, STYLES, normalizeSettings } from './settings.js';

export const PROFILES_KEY = 'webcare.profiles';
export const DEFAULT_PROFILE_ID = 'default';
export const MAX_PROFILES = 30;
export const MAX_HANDLES = 10;
export const FILE_FORMAT = 1;
export const MAX_FILE_CHARS = MAX_PACK_CHARS + 8000;
const SITES = ['x', 'facebook', 'linkedin'];

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v, max) => (typeof v === 'string' ? v.trim().slice(0, max) : null);

/** An account name as compared: lower case, no leading @, single spaces. */
export function accountId(name) {
  if (typeof name !== 'string') return '';
  return name.normalize('NFC').trim().replace(/^@+/, '').replace(/\s+/g, ' ').toLowerCase().slice(0, 120);
}

function cleanHandles(raw) {
  const out = {};
  for (const site of SITES) {
    const list = isObj(raw) && Array.isArray(raw[site]) ? raw[site] : [];
    const seen = new Set();
    out[site] = list.map((h) => str(h, 120)).filter((h) => h && !seen.has(accountId(h)) && seen.add(accountId(h)))
      .slice(0, MAX_HANDLES);
  }
  return out;
}

function cleanGate(raw) {
  if (!isObj(raw)) return null;
  const out = {};
  for (const site of SITES) if (GATE_MODES.includes(raw[site])) out[site] = raw[site];
  return Object.keys(out).length ? out : null;
}

/** A stored profile -> clean profile (null for garbage). Unknown fields are dropped. */
export function normalizeProfile(raw) {
  if (!isObj(raw)) return null;
  const id = str(raw.id, 40);
  const name = str(raw.name, 60);
  if (!id || !/^[a-z0-9-]+$/.test(id) || !name) return null;
  return {
    id,
    name,
    handles: cleanHandles(raw.handles),
    agent: typeof raw.agent === 'string' ? raw.agent.trim().slice(0, 80) : null,
    signoff: typeof raw.signoff === 'string' ? raw.signoff.slice(0, 40) : null,
    style: STYLES.includes(raw.style) ? raw.style : null,
    teamPack: typeof raw.teamPack === 'string' && raw.teamPack.length <= MAX_PACK_CHARS ? raw.teamPack : null,
    gate: cleanGate(raw.gate),
  };
}

export const DEFAULT_PROFILE = Object.freeze({
  id: DEFAULT_PROFILE_ID, name: 'Standaard', handles: { x: [], facebook: [], linkedin: [] },
  agent: null, signoff: null, style: null, teamPack: null, gate: null,
});

/** Stored value -> {active, profiles} with the default profile first. */
export function normalizeProfiles(raw) {
  const r = isObj(raw) ? raw : {};
  const seen = new Set([DEFAULT_PROFILE_ID]);
  let def = { ...DEFAULT_PROFILE, handles: { ...DEFAULT_PROFILE.handles } };
  const profiles = [];
  for (const p of Array.isArray(r.profiles) ? r.profiles : []) {
    const clean = normalizeProfile(p);
    if (!clean) continue;
    if (clean.id === DEFAULT_PROFILE_ID) {
      def = { ...clean, name: clean.name || 'Standaard' };
      continue;
    }
    if (seen.has(clean.id) || profiles.length >= MAX_PROFILES - 1) continue;
    seen.add(clean.id);
    profiles.push(clean);
  }
  const all = [def, ...profiles];
  const active = all.some((p) => p.id === r.active) ? r.active : DEFAULT_PROFILE_ID;
  return { active, profiles: all };
}

/** The global settings with a profile's own fields on top (null = inherit). */
export function applyProfile(settings, profile) {
  const s = normalizeSettings(settings);
  if (!profile) return { ...s, profile: DEFAULT_PROFILE_ID, profileName: 'Standaard' };
  const out = { ...s, gate: { ...s.gate, ...(profile.gate ?? {}) } };
  for (const k of ['agent', 'signoff', 'style', 'teamPack']) if (profile[k] !== null && profile[k] !== undefined) out[k] = profile[k];
  out.profile = profile.id;
  out.profileName = profile.name;
  return out;
}

/** The profile that claims `account` on `site`, or null. */
export function profileForAccount(state, site, account) {
  const want = accountId(account);
  if (!want) return null;
  return state.profiles.find((p) => (p.handles[site] ?? []).some((h) => accountId(h) === want)) ?? null;
}

/** Active profile for a page: the one claiming the page's account, else the chosen one. */
export function pickProfile(state, site = null, account = null) {
  const byAccount = site ? profileForAccount(state, site, account) : null;
  if (byAccount) return { profile: byAccount, via: 'account' };
  return { profile: state.profiles.find((p) => p.id === state.active) ?? state.profiles[0], via: 'chosen' };
}

/** A new profile id from a name ("Coolblue NL" -> "coolblue-nl", "-2" when taken). */
export function profileId(name, taken = []) {
  const base = String(name ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || 'merk';
  const used = new Set(taken);
  if (base !== DEFAULT_PROFILE_ID && !used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A profile as one JSON file (values resolved against the global settings). */
export function exportProfile(profile, settings) {
  const eff = applyProfile(settings, profile);
  let pack = null;
  if (eff.teamPack) {
    try {
      pack = JSON.parse(eff.teamPack);
    } catch {
      pack = null;
    }
  }
  return {
    webcareLensProfile: FILE_FORMAT,
    name: profile.name,
    handles: profile.handles,
    agent: profile.agent ?? '',
    signoff: eff.signoff,
    style: eff.style,
    gate: eff.gate,
    pack,
  };
}

/**
 * Reads a profile file. Returns {ok: true, profile: {name, handles, agent, signoff, style, gate, teamPack}}
 * or {ok: false, error: {code, message (Dutch), at (field)}}. Never throws.
 */
export function parseProfileFile(text) {
  const bad = (code, message, at = '') => ({ ok: false, error: { code, message, at } });
  if (typeof text !== 'string' || !text.trim()) return bad('empty', 'Het bestand is leeg.');
  if (text.length > MAX_FILE_CHARS) return bad('too-large', `Het bestand is te groot (${text.length} tekens, maximaal ${MAX_FILE_CHARS}).`);
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return bad('json', `Geen geldige JSON: ${String(err?.message ?? err).slice(0, 120)}`);
  }
  if (!isObj(raw)) return bad('shape', 'Verwacht een JSON-object met een merkprofiel.');
  if (raw.webcareLensProfile !== FILE_FORMAT)
    return bad('format', `Dit is geen Webcare Lens-merkprofiel (veld "webcareLensProfile" moet ${FILE_FORMAT} zijn).`, 'webcareLensProfile');
  const name = str(raw.name, 60);
  if (!name) return bad('field', 'Het profiel heeft geen naam (veld "name").', 'name');
  if (raw.handles !== undefined) {
    if (!isObj(raw.handles)) return bad('field', 'Veld "handles" moet een object zijn: {"x": ["@merk"], …}.', 'handles');
    for (const [site, list] of Object.entries(raw.handles)) {
      if (!SITES.includes(site)) return bad('field', `Onbekende site "${site.slice(0, 20)}" in "handles" (x, facebook of linkedin).`, `handles.${site.slice(0, 20)}`);
      if (!Array.isArray(list) || list.some((h) => typeof h !== 'string'))
        return bad('field', `"handles.${site}" moet een lijst met accountnamen zijn.`, `handles.${site}`);
    }
  }
  for (const k of ['agent', 'signoff']) {
    if (raw[k] !== undefined && raw[k] !== null && typeof raw[k] !== 'string') return bad('field', `Veld "${k}" moet tekst zijn.`, k);
  }
  if (typeof raw.signoff === 'string' && raw.signoff && !raw.signoff.includes('{name}'))
    return bad('field', 'Veld "signoff" moet {name} bevatten, bijv. "^{name}".', 'signoff');
  if (raw.style !== undefined && raw.style !== null && !STYLES.includes(raw.style))
    return bad('field', 'Veld "style" moet "", "je" of "u" zijn.', 'style');
  if (raw.gate !== undefined && raw.gate !== null) {
    if (!isObj(raw.gate)) return bad('field', 'Veld "gate" moet een object zijn: {"x": "warn", …}.', 'gate');
    for (const [site, mode] of Object.entries(raw.gate)) {
      if (!SITES.includes(site)) return bad('field', `Onbekende site "${site.slice(0, 20)}" in "gate".`, `gate.${site.slice(0, 20)}`);
      if (!GATE_MODES.includes(mode)) return bad('field', `"gate.${site}" moet warn, block of off zijn.`, `gate.${site}`);
    }
  }
  let teamPack = null;
  if (raw.pack !== undefined && raw.pack !== null) {
    if (!isObj(raw.pack)) return bad('field', 'Veld "pack" moet een regelpakket (object) of null zijn.', 'pack');
    teamPack = JSON.stringify(raw.pack);
    if (teamPack.length > MAX_PACK_CHARS) return bad('too-large', 'Het regelpakket in dit profiel is te groot.', 'pack');
  }
  return {
    ok: true,
    profile: {
      name,
      handles: cleanHandles(raw.handles ?? {}),
      agent: typeof raw.agent === 'string' && raw.agent.trim() ? raw.agent.trim().slice(0, 80) : null,
      signoff: typeof raw.signoff === 'string' ? raw.signoff : null,
      style: STYLES.includes(raw.style) ? raw.style : null,
      gate: cleanGate(raw.gate),
      teamPack,
    },
  };
}

// ---- storage -----------------------------------------------------------

const area = localStorageArea;

/** {active, profiles} (never throws: the default profile alone without storage). */
export async function loadProfiles() {
  const a = area();
  if (!a) return normalizeProfiles(null);
  try {
    return normalizeProfiles((await a.get(PROFILES_KEY))?.[PROFILES_KEY]);
  } catch {
    return normalizeProfiles(null);
  }
}

async function write(state) {
  const a = area();
  if (!a) throw new Error('opslag niet beschikbaar');
  const clean = normalizeProfiles(state);
  await a.set({ [PROFILES_KEY]: { v: 1, ...clean } });
  return clean;
}

/** Makes `id` the chosen profile (popup: one click). */
export async function setActiveProfile(id) {
  const cur = await loadProfiles();
  if (!cur.profiles.some((p) => p.id === id)) throw new Error('onbekend profiel');
  return write({ ...cur, active: id });
}

/** Adds or replaces a profile (by id; a new id from the name when missing). Resolves to the clean profile. */
export async function saveProfile(profile) {
  const cur = await loadProfiles();
  const id = profile.id ?? profileId(profile.name, cur.profiles.map((p) => p.id));
  const clean = normalizeProfile({ ...profile, id });
  if (!clean) throw new Error('ongeldig profiel');
  const profiles = cur.profiles.some((p) => p.id === id)
    ? cur.profiles.map((p) => (p.id === id ? clean : p))
    : [...cur.profiles, clean];
  if (profiles.length > MAX_PROFILES) throw new Error(`maximaal ${MAX_PROFILES} profielen`);
  await write({ ...cur, profiles });
  return clean;
}

/** Removes a profile (not the default one); the chosen one falls back to the default. */
export async function deleteProfile(id) {
  if (id === DEFAULT_PROFILE_ID) throw new Error('het standaardprofiel blijft');
  const cur = await loadProfiles();
  return write({ active: cur.active === id ? DEFAULT_PROFILE_ID : cur.active, profiles: cur.profiles.filter((p) => p.id !== id) });
}

/** Imports a profile file: validated first; a bad file changes nothing. Resolves to {ok, profile}|{ok:false, error}. */
export async function importProfileFile(text, { checkPack = null } = {}) {
  const parsed = parseProfileFile(text);
  if (!parsed.ok) return parsed;
  if (parsed.profile.teamPack && checkPack) {
    const why = await checkPack(parsed.profile.teamPack);
    if (why) return { ok: false, error: { code: 'pack', message: `Het regelpakket in dit profiel is afgekeurd: ${why}`, at: 'pack' } };
  }
  const cur = await loadProfiles();
  // Same name = the team lead's update of that profile.
  const same = cur.profiles.find((p) => p.id !== DEFAULT_PROFILE_ID && p.name.toLowerCase() === parsed.profile.name.toLowerCase());
  const saved = await saveProfile({ ...parsed.profile, id: same?.id });
  return { ok: true, profile: saved, replaced: Boolean(same) };
}

/** cb({active, profiles}) on every change; returns an unsubscribe. */
export function onProfilesChanged(cb) {
  const listener = (changes, areaName) => {
    if (areaName === 'local' && PROFILES_KEY in changes) cb(normalizeProfiles(changes[PROFILES_KEY].newValue));
  };
  try {
    ext?.storage?.onChanged?.addListener(listener);
  } catch {
    return () => {};
  }
  return () => ext?.storage?.onChanged?.removeListener(listener);
}
