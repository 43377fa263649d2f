// brands-editor.js — the "Merken" section of the options page (issue 12):
// list of brand profiles (choose, edit, export, delete), a form for a new or
// edited profile, and import of a profile file from a team lead. An imported
// file is validated (lib/profiles.js parseProfileFile, and its rule pack by
// the core's check-pack) before anything is stored: a bad file changes nothing
// and the error names the field.
import {
  DEFAULT_PROFILE_ID, deleteProfile, exportProfile, importProfileFile, loadProfiles, onProfilesChanged, saveProfile,
  setActiveProfile,
} from '../lib/profiles.js';
import { getSettings, onSettingsChanged } from '../lib/settings.js';
import { $, call, download, h } from './common.js';

const SITES = [['x', 'X'], ['facebook', 'Facebook'], ['linkedin', 'LinkedIn']];
const GATE = [['', 'Zoals standaard'], ['warn', 'Waarschuwen'], ['block', 'Blokkeren bij fouten'], ['off', 'Uit']];
const STYLE = [['inherit', 'Zoals standaard'], ['', 'Geen voorkeur'], ['je', 'Je / jij'], ['u', 'U']];
const SIGNOFF = [['inherit', 'Zoals standaard'], ['', 'Standaard per platform'], ['^{name}', '^Naam'], ['Groet, {name}', 'Groet, Naam'],
                 ['Groetjes, {name}', 'Groetjes, Naam'], ['Met vriendelijke groet, {name}', 'Met vriendelijke groet, Naam']];

const root = $('#brands-root');
let state = await loadProfiles();
let settings = await getSettings();
let editing = null; // profile id being edited, or 'new'

function say(text, kind = 'ok') {
  const el = $('#saved');
  if (!el) return;
  el.textContent = `✓ ${text}`;
  el.dataset.kind = kind;
}

const handlesText = (p, site) => (p.handles[site] ?? []).join(', ');
const summary = (p) => {
  const parts = [];
  const acc = SITES.flatMap(([s, l]) => (p.handles[s] ?? []).map((x) => `${l}: ${x}`));
  parts.push(acc.length ? acc.join(' · ') : 'geen accounts (kies in de popup)');
  if (p.agent) parts.push(`naam ${p.agent}`);
  if (p.style !== null) parts.push(p.style === 'u' ? 'u' : p.style === 'je' ? 'je' : 'geen aanspreekvorm');
  if (p.teamPack) parts.push('eigen regels');
  return parts.join(' · ');
};

function field(label, input, hint = null) {
  return h('label', { class: 'field' }, label, input, hint ? h('span', { class: 'field-hint', text: hint }) : null);
}

function select(name, options, value) {
  const s = h('select', { name }, ...options.map(([v, l]) => h('option', { value: v, text: l })));
  s.value = value;
  return s;
}

function form(p) {
  const isDefault = p?.id === DEFAULT_PROFILE_ID;
  const name = h('input', { type: 'text', name: 'name', maxlength: '60', required: true, value: p?.name ?? '', placeholder: 'Bijv. Coolblue' });
  const handles = SITES.map(([s, l]) => [s, h('input', { type: 'text', name: `h-${s}`, value: p ? handlesText(p, s) : '',
    placeholder: s === 'x' ? '@merk' : 'Naam van de pagina', 'aria-label': `Accounts op ${l}` })]);
  const agent = h('input', { type: 'text', name: 'agent', maxlength: '40', value: p?.agent ?? '', placeholder: settings.agent ? `Zoals standaard (${settings.agent})` : 'Zoals standaard' });
  const style = select('style', STYLE, p?.style ?? 'inherit');
  const signoff = select('signoff', SIGNOFF, p?.signoff ?? 'inherit');
  const gates = SITES.map(([s, l]) => [s, select(`g-${s}`, GATE, p?.gate?.[s] ?? '')]);
  for (const [s, g] of gates) g.setAttribute('aria-label', `Check vóór plaatsen op ${l(s)}`);
  const f = h('form', { class: 'stack brand-form', 'data-editing': p?.id ?? 'new' },
    h('div', { class: 'grid2' }, field('Naam van het merk', name), field('Je naam onder antwoorden', agent, 'Leeg = je naam uit “Jij en je huisstijl”.')),
    isDefault ? null : h('fieldset', { class: 'plain' }, h('legend', { class: 'field-label', text: 'Eigen accounts (meerdere met komma’s)' }),
      h('div', { class: 'grid3' }, ...handles.map(([s, inp]) => field(SITES.find((x) => x[0] === s)[1], inp)))),
    h('div', { class: 'grid2' }, field('Aanspreekvorm', style), field('Afsluiting', signoff)),
    h('fieldset', { class: 'plain' }, h('legend', { class: 'field-label', text: 'Check vóór plaatsen' }),
      h('div', { class: 'grid3' }, ...gates.map(([s, g]) => field(SITES.find((x) => x[0] === s)[1], g)))),
    p?.teamPack ? h('p', { class: 'field-hint', text: 'Dit profiel heeft eigen teamregels (uit het geïmporteerde bestand).' }) : null,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'btn primary', text: p ? 'Profiel opslaan' : 'Profiel toevoegen' }),
      h('button', { type: 'button', class: 'btn', text: 'Annuleren', onclick: () => {
        editing = null;
        render();
      } })));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const split = (v) => v.split(',').map((x) => x.trim()).filter(Boolean);
    const gate = {};
    for (const [s, g] of gates) if (g.value) gate[s] = g.value;
    const saved = await saveProfile({
      ...(p ?? {}), id: p?.id, name: name.value.trim(),
      handles: isDefault ? p.handles : Object.fromEntries(handles.map(([s, inp]) => [s, split(inp.value)])),
      agent: agent.value.trim() || null,
      style: style.value === 'inherit' ? null : style.value,
      signoff: signoff.value === 'inherit' ? null : signoff.value,
      gate: Object.keys(gate).length ? gate : null,
    });
    editing = null;
    say(`Merkprofiel “${saved.name}” opgeslagen`);
  });
  return f;
}
const l = (s) => SITES.find((x) => x[0] === s)[1];

function row(p) {
  const on = p.id === state.active;
  const choose = h('input', { type: 'radio', name: 'active-profile', value: p.id, checked: on, 'aria-label': `${p.name} kiezen` });
  choose.addEventListener('change', () => setActiveProfile(p.id).then(() => say(`${p.name} is gekozen`)));
  return h('li', { class: 'brand', 'data-profile': p.id, 'data-active': String(on) },
    h('label', { class: 'choose' }, choose),
    h('div', { class: 'info' }, h('strong', { text: p.name }), h('span', { class: 'muted', text: p.id === DEFAULT_PROFILE_ID ? 'De instellingen hierboven' : summary(p) })),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'btn small', 'data-action': 'edit', text: 'Bewerken', 'aria-label': `${p.name} bewerken`, onclick: () => {
        editing = p.id;
        render();
      } }),
      h('button', { type: 'button', class: 'btn small', 'data-action': 'export', text: 'Exporteren', 'aria-label': `${p.name} exporteren`, onclick: () => {
        const slug = p.id.replace(/[^a-z0-9-]/g, '') || 'merk';
        download(`webcare-merk-${slug}.json`, JSON.stringify(exportProfile(p, settings), null, 2) + '\n', 'application/json');
      } }),
      p.id === DEFAULT_PROFILE_ID ? null : h('button', { type: 'button', class: 'btn small danger', 'data-action': 'delete', text: 'Verwijderen',
        'aria-label': `${p.name} verwijderen`, onclick: async () => {
          await deleteProfile(p.id);
          say(`Merkprofiel “${p.name}” verwijderd`);
        } })));
}

async function checkPack(text) {
  const resp = await call({ op: 'check-pack', pack: text });
  return resp.error ? resp.error.message : null;
}

function render() {
  const err = h('div', { class: 'pack-error', id: 'brand-error', role: 'alert' });
  const file = h('input', { type: 'file', id: 'brand-file', accept: '.json,application/json' });
  const importBtn = h('button', { type: 'button', class: 'btn', id: 'brand-import', text: 'Merkprofiel importeren', onclick: async () => {
    err.replaceChildren();
    const f = file.files?.[0];
    if (!f) {
      err.textContent = 'Kies eerst een bestand.';
      return;
    }
    const res = await importProfileFile(await f.text(), { checkPack });
    if (!res.ok) {
      err.dataset.code = res.error.code;
      err.append(h('span', { text: 'Profiel niet geïmporteerd, er is niets veranderd.\n' }), h('code', { text: res.error.message }));
      return;
    }
    file.value = '';
    say(`Merkprofiel “${res.profile.name}” ${res.replaced ? 'bijgewerkt' : 'geïmporteerd'}`);
  } });
  const editingProfile = editing && editing !== 'new' ? state.profiles.find((p) => p.id === editing) : null;
  root.replaceChildren(
    h('ul', { class: 'brands', id: 'brand-list', 'aria-label': 'Merkprofielen' }, ...state.profiles.map(row)),
    editing ? form(editingProfile) : h('div', { class: 'row' }, h('button', { type: 'button', class: 'btn primary', id: 'brand-new', text: 'Nieuw merkprofiel',
      onclick: () => {
        editing = 'new';
        render();
      } })),
    h('div', { class: 'stack' }, field('Merkprofiel van je teamleider (JSON)', file), h('div', { class: 'row' }, importBtn), err));
  root.dataset.ready = 'true';
  if (editing) root.querySelector('input[name="name"]')?.focus();
}

render();
onProfilesChanged((next) => {
  state = next;
  render();
});
onSettingsChanged((s) => {
  settings = s;
});
