// options.js — the options page: per-site switches and gate mode, name and
// sign-off, house style, trainee mode, rules on/off, the team rule pack
// (checked by the core's check-pack before anything is stored: a bad pack
// changes nothing), retention and "delete all local data". Every change is
// saved at once through settings.js.
import { readAll } from '../lib/history.js';
import { MAX_PACK_CHARS, getSettings, onSettingsChanged, setSettings } from '../lib/settings.js';
import { ext } from '../lib/browser.js';
import { ruleLabel } from '../ui/lint-card.js';
import { $, call, download, h, markNav } from './common.js';

const SITES = [['x', 'X'], ['facebook', 'Facebook'], ['linkedin', 'LinkedIn']];
const GATE = [['warn', 'Waarschuwen'], ['block', 'Blokkeren bij fouten'], ['off', 'Uit']];
const RULE_GROUPS = [
  ['Structuur (9 stappen)', [
    ['greeting', 'Klant aanspreken of @handle gebruiken'], ['thanks', 'Blije klant bedanken'],
    ['apology-excess', 'Niet te vaak sorry'], ['empathy-first', 'Boze klant: eerst begrip'],
    ['answer-question', 'Vraag echt beantwoorden'], ['follow-up-question', 'Doorvragen bij neutrale berichten'],
    ['sign-off', 'Afsluiten met je naam']]],
  ['Toon', [
    ['condescending', 'Geen komma-sukkel'], ['empty-promise', 'Geen lege beloftes'], ['denial', 'Niet ontkennen'],
    ['justification', 'Niet goedpraten'], ['blame-customer', 'Schuld niet bij de klant'], ['shouting', 'Geen hoofdletters of !!!'],
    ['emoji-tone', 'Passende emoji'], ['jargon', 'Geen ambtelijk jargon'], ['register-mix', 'Niet u en je door elkaar'],
    ['profanity', 'Geen grof taalgebruik']]],
  ['Veiligheid', [['privacy', 'Geen privégegevens in het openbaar'], ['length', 'Binnen de tekenlimiet']]],
];

let settings = await getSettings();
const saved = $('#saved');
let savedTimer = null;

async function save(patch, what = 'Opgeslagen') {
  settings = await setSettings(patch);
  saved.textContent = `✓ ${what}`;
  saved.dataset.kind = 'ok';
  clearTimeout(savedTimer);
  savedTimer = setTimeout(() => {
    saved.textContent = '';
  }, 2500);
  render();
}

function buildSites() {
  $('#sites').replaceChildren(...SITES.map(([id, label]) => {
    const on = h('input', { type: 'checkbox', 'data-site': id, 'data-field': 'enabled', 'aria-label': `Webcare Lens op ${label}` });
    const lint = h('input', { type: 'checkbox', 'data-site': id, 'data-field': 'lint', 'aria-label': `Live antwoordcheck op ${label}` });
    const gate = h('select', { 'data-site': id, 'data-field': 'gate', 'aria-label': `Check vóór plaatsen op ${label}` },
      ...GATE.map(([v, l]) => h('option', { value: v, text: l })));
    on.addEventListener('change', () => save({ enabled: { [id]: on.checked } }));
    lint.addEventListener('change', () => save({ lint: { [id]: lint.checked } }));
    gate.addEventListener('change', () => save({ gate: { [id]: gate.value } }));
    return h('tr', {}, h('th', { scope: 'row', text: label }),
      h('td', {}, h('label', { class: 'switch' }, on, h('span', { class: 'state' }))),
      h('td', {}, h('label', { class: 'switch' }, lint)),
      h('td', {}, gate));
  }));
}

function buildRules() {
  $('#rules').replaceChildren(...RULE_GROUPS.map(([title, rules]) => h('fieldset', {},
    h('legend', { text: title }),
    ...rules.map(([id, desc]) => {
      const box = h('input', { type: 'checkbox', 'data-rule': id });
      box.addEventListener('change', () => {
        const off = new Set(settings.disabled);
        if (box.checked) off.delete(id);
        else off.add(id);
        save({ disabled: [...off] }, box.checked ? `${ruleLabel(id)} staat aan` : `${ruleLabel(id)} staat uit`);
      });
      return h('label', { class: 'check' }, box, h('span', {}, h('span', { text: ruleLabel(id) }), h('small', { text: desc })));
    }))));
}

function packInfo(text) {
  try {
    const p = JSON.parse(text);
    return { name: typeof p.name === 'string' && p.name ? p.name : 'zonder naam',
             rules: Array.isArray(p.rules) ? p.rules.map((r) => r?.id).filter(Boolean) : [] };
  } catch {
    return null;
  }
}

function renderPack() {
  const st = $('#pack-status');
  const info = settings.teamPack ? packInfo(settings.teamPack) : null;
  st.dataset.loaded = String(Boolean(info));
  if (!info) {
    st.replaceChildren(h('span', { class: 'tag', text: 'Geen' }), h('span', { text: 'Alleen de standaardregels zijn actief.' }));
  } else {
    st.replaceChildren(h('span', { class: 'pill', 'data-type': 'happy', text: 'Actief' }),
      h('strong', { text: info.name }), h('span', { class: 'muted', text: `${info.rules.length} ${info.rules.length === 1 ? 'regel' : 'regels'}` }),
      ...info.rules.slice(0, 8).map((id) => h('code', { text: id })));
  }
  $('#pack-export').disabled = !info;
  $('#pack-remove').disabled = !info;
}

async function renderCounts() {
  const { mentions, checks } = await readAll();
  $('#data-count').textContent = `Nu bewaard: ${mentions.length} vermeldingen van ${new Set(mentions.map((m) => `${m.site}:${m.author}`)).size} klanten en ${checks.length} gecheckte antwoorden.`;
}

function render() {
  for (const el of document.querySelectorAll('[data-site]')) {
    const { site, field } = el.dataset;
    if (field === 'gate') el.value = settings.gate[site];
    else el.checked = settings[field][site];
  }
  const agent = $('#agent');
  if (document.activeElement !== agent) agent.value = settings.agent;
  $('#signoff').value = settings.signoff;
  const name = settings.agent || 'Naam';
  const fmt = settings.signoff || '^{name}';
  $('#signoff-preview').textContent = `Voorbeeld: …${fmt.replace('{name}', name)}`;
  for (const r of document.querySelectorAll('input[name="style"]')) r.checked = r.value === settings.style;
  $('#traineeMode').checked = settings.traineeMode;
  for (const box of document.querySelectorAll('[data-rule]')) box.checked = !settings.disabled.includes(box.dataset.rule);
  $('#retention').value = String(settings.retentionDays);
  renderPack();
}

/** Checks a pack with the core; stores it only when valid. */
async function importPack(text) {
  const err = $('#pack-error');
  err.replaceChildren();
  const trimmed = text.trim();
  if (!trimmed) {
    err.textContent = 'Kies een bestand of plak een regelpakket.';
    return false;
  }
  if (trimmed.length > MAX_PACK_CHARS) {
    err.textContent = `Dit pakket is te groot (${trimmed.length} tekens, maximaal ${MAX_PACK_CHARS}). Er is niets veranderd.`;
    return false;
  }
  const resp = await call({ op: 'check-pack', pack: trimmed });
  if (resp.error) {
    err.append(h('span', { text: 'Pakket afgekeurd, er is niets veranderd.\n' }), h('code', { text: resp.error.message }));
    err.dataset.code = resp.error.code;
    return false;
  }
  await save({ teamPack: trimmed }, `Teamregels “${resp.result.name || 'zonder naam'}” geïmporteerd (${resp.result.rules} regels, ${resp.result.examples} voorbeelden gecontroleerd)`);
  $('#pack-text').value = '';
  $('#pack-file').value = '';
  return true;
}

markNav('options');
buildSites();
buildRules();
render();
renderCounts();

$('#agent').addEventListener('change', (e) => save({ agent: e.target.value.trim() }));
$('#signoff').addEventListener('change', (e) => save({ signoff: e.target.value }));
for (const r of document.querySelectorAll('input[name="style"]')) r.addEventListener('change', () => save({ style: r.value }));
$('#traineeMode').addEventListener('change', (e) => save({ traineeMode: e.target.checked },
  e.target.checked ? 'Trainee-modus staat aan' : 'Trainee-modus staat uit'));
$('#retention').addEventListener('change', (e) => save({ retentionDays: Number(e.target.value) }));
$('#pack-import').addEventListener('click', async () => {
  const file = $('#pack-file').files?.[0];
  const text = file ? await file.text() : $('#pack-text').value;
  await importPack(text);
});
$('#pack-export').addEventListener('click', () => {
  const info = packInfo(settings.teamPack);
  const slug = (info?.name ?? 'team').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';
  download(`webcare-regels-${slug}.json`, JSON.stringify(JSON.parse(settings.teamPack), null, 2) + '\n', 'application/json');
});
$('#pack-remove').addEventListener('click', () => save({ teamPack: '' }, 'Teamregels verwijderd'));

const dialog = $('#wipe-dialog');
$('#wipe').addEventListener('click', () => dialog.showModal());
dialog.addEventListener('close', async () => {
  if (dialog.returnValue !== 'wipe') return;
  await ext.storage.local.clear();
  settings = await getSettings();
  render();
  await renderCounts();
  saved.textContent = '✓ Alle lokale gegevens zijn gewist';
  saved.dataset.kind = 'ok';
});
onSettingsChanged((s) => {
  settings = s;
  render();
});
document.body.dataset.ready = 'true';
