// pages-options-stats-practice.test.mjs — the options page (settings saved,
// team pack import: a bad pack is refused with its location and changes
// nothing, a good one is stored and exported, delete all data), the stats
// page (KPIs from seeded history, charts, CSV export) and the practice page
// (attempt, feedback, retry, model answer, progress); keyboard and axe on each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { demoStorage } from '../demo/pages-data.mjs';
import { launchPages, readStorage, seedStorage, seriousViolations } from './lib/pages.mjs';

const PACK = {
  name: 'Team Voorbeeld',
  rules: [{ id: 'team-geen-helaas', severity: 'warning', check: 'phrase', message: "Vermijd 'helaas': zeg wat wél kan.",
            why: 'Huisstijl: positief formuleren.', patterns: ['helaas'], suggest: ['Zeg wat je wel kunt doen.'],
            fires: ['Helaas kunnen we niets doen.'], passes: ['We kunnen morgen langskomen.'] }],
};

let b;
before(async () => {
  b = await launchPages();
});
after(async () => {
  await b?.close();
});

const settingsOf = async (page) => (await readStorage(page, ['webcare.settings']))['webcare.settings'] ?? {};

test('options: every control saves; bad team pack refused, good pack imported, exported, used by the check', async () => {
  const page = await b.open('options.html');
  await seedStorage(page, {});
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  assert.deepEqual(await seriousViolations(page), []);

  await page.fill('#agent', 'Sanne');
  await page.press('#agent', 'Tab');
  await page.selectOption('select[data-site="x"][data-field="gate"]', 'block');
  await page.uncheck('input[data-site="linkedin"][data-field="enabled"]');
  await page.check('input[name="style"][value="u"]', { force: true });
  await page.check('#traineeMode');
  await page.uncheck('input[data-rule="jargon"]');
  await page.selectOption('#retention', '30');
  await page.selectOption('#signoff', 'Groet, {name}');
  await page.waitForFunction(async () => true);
  let s = await settingsOf(page);
  for (let i = 0; i < 50 && s.signoff !== 'Groet, {name}'; i++) s = await settingsOf(page); // the last write lands
  assert.equal(s.agent, 'Sanne');
  assert.equal(s.gate.x, 'block');
  assert.equal(s.enabled.linkedin, false);
  assert.equal(s.style, 'u');
  assert.equal(s.traineeMode, true);
  assert.deepEqual(s.disabled, ['jargon']);
  assert.equal(s.retentionDays, 30);
  assert.equal(s.signoff, 'Groet, {name}');

  // A pack whose example fails: refused with line/column, nothing stored.
  const bad = JSON.stringify({ ...PACK, rules: [{ ...PACK.rules[0], passes: ['Helaas pindakaas.'] }] }, null, 2);
  await page.fill('#pack-text', bad);
  await page.click('#pack-import');
  await page.waitForFunction(() => document.querySelector('#pack-error').textContent.length > 0);
  const err = await page.textContent('#pack-error');
  assert.match(err, /niets veranderd/);
  assert.match(err, /line \d+, column \d+: rules\[0\]\.passes\[0\]/);
  assert.equal((await settingsOf(page)).teamPack, '');
  await page.fill('#pack-text', '{"name": "kapot", ');
  await page.click('#pack-import');
  await page.waitForFunction(() => /not valid JSON/.test(document.querySelector('#pack-error').textContent));
  assert.equal((await settingsOf(page)).teamPack, '');

  // A good pack: stored, shown, exported.
  await page.fill('#pack-text', JSON.stringify(PACK));
  await page.click('#pack-import');
  await page.waitForSelector('#pack-status[data-loaded="true"]');
  assert.match(await page.textContent('#pack-status'), /Team Voorbeeld.*1 regel/);
  assert.equal(JSON.parse((await settingsOf(page)).teamPack).name, 'Team Voorbeeld');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#pack-export')]);
  const exported = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(exported.rules[0].id, 'team-geen-helaas');
  assert.match(dl.suggestedFilename(), /^webcare-regels-team-voorbeeld\.json$/);

  // The quick check uses the team pack and the house style.
  const qc = await b.open('quick-check.html');
  await qc.fill('#mention', 'Kan ik mijn abonnement pauzeren?');
  await qc.fill('#reply', 'Beste Joost, helaas kan dat niet. Groet, Sanne');
  await qc.waitForSelector('#reply-out[data-state="done"]', { timeout: 15000 });
  assert.ok((await qc.getAttribute('#reply-out', 'data-findings')).split(' ').includes('team-geen-helaas'));
  assert.equal(await qc.locator('.finding details[open]').count() > 0, true, 'trainee mode: reasons open');
  await qc.close();

  // Delete all local data (keyboard: the dialog's confirm button).
  await page.click('#wipe');
  await page.waitForSelector('dialog[open]');
  await page.focus('#wipe-confirm');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  await page.waitForFunction(async () => true);
  let all = await readStorage(page);
  for (let i = 0; i < 50 && Object.keys(all).length; i++) all = await readStorage(page);
  assert.deepEqual(all, {});
  assert.equal(await page.inputValue('#agent'), '');
  await page.close();
});

test('stats: KPIs and charts from the history, CSV export', async () => {
  const page = await b.open('stats.html');
  const now = Date.now();
  const data = demoStorage(now);
  // One author angry then happy: a conversion.
  data['webcare.history'].mentions.push({ ts: now - 5 * 86400000, site: 'x', author: '@omslag', type: 'angry', key: 'x:c1:h' },
                                        { ts: now - 86400000, site: 'x', author: '@omslag', type: 'happy', key: 'x:c2:h' });
  await seedStorage(page, data);
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  const inRange = data['webcare.history'].mentions.filter((m) => m.ts > now - 30 * 86400000).length;
  assert.ok(Number(await page.textContent('[data-kpi="mentions"] .kpi-value')) >= inRange - 20);
  assert.equal(await page.locator('.uplot').count(), 3, 'three charts');
  assert.ok(await page.locator('#rules li').count() >= 3, 'findings per rule');
  assert.match(await page.textContent('#conversions'), /@omslag/);
  assert.deepEqual(await seriousViolations(page, { exclude: ['.u-over'] }), []);

  await page.check('input[name="days"][value="7"]', { force: true });
  await page.waitForFunction(() => document.querySelectorAll('#chart-types .data-table tbody tr').length === 7);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#csv-days')]);
  const csv = readFileSync(await dl.path(), 'utf8').trim().split('\r\n');
  assert.equal(csv[0], 'datum;boos;vraag;neutraal;blij;totaal;antwoorden_gecheckt;gemiddelde_score');
  assert.equal(csv.length, 8);
  assert.match(csv[7], /^\d{4}-\d\d-\d\d;\d+;\d+;\d+;\d+;\d+;\d+;\d*$/);
  await page.close();
});

test('practice: attempt, feedback with reasons, retry, model answer, progress', async () => {
  const page = await b.open('practice.html?s=boos-internet');
  await seedStorage(page, { 'webcare.settings': { agent: 'Sanne' } });
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  const scenarios = JSON.parse(readFileSync(new URL('../../extension/pages/scenarios.json', import.meta.url), 'utf8'));
  assert.ok(scenarios.length >= 40);
  for (const t of ['angry', 'question', 'neutral', 'happy']) {
    for (const p of ['x', 'facebook', 'linkedin']) {
      assert.ok(scenarios.some((s) => s.type === t && s.platform === p), `${t} on ${p}`);
    }
  }
  assert.ok(scenarios.filter((s) => s.history?.length).length >= 5, 'some with a customer history');
  assert.equal(await page.locator('#list li').count(), scenarios.length);
  assert.equal(await page.isDisabled('#show-model'), true, 'model answer only after an attempt');

  await page.fill('#answer', 'We gaan ernaar kijken.');
  await page.click('#submit');
  await page.waitForSelector('#feedback[data-state="done"]', { timeout: 15000 });
  const first = Number(await page.getAttribute('#feedback', 'data-score'));
  assert.ok((await page.getAttribute('#feedback', 'data-findings')).includes('empathy-first'));
  assert.ok(await page.locator('#feedback .why').count() >= 1, 'every finding explains why');
  assert.equal(await page.locator('#feedback .step').count(), 9);

  // Retry with a better reply (Ctrl+Enter from the text area).
  await page.fill('#answer', '@jeroenvd Wat vervelend dat je al 3 dagen zonder internet zit! Stuur je ons een DM met je postcode? Dan bel ik je vóór 16:00 terug. ^Sanne');
  await page.press('#answer', 'Control+Enter');
  await page.waitForFunction((s) => Number(document.querySelector('#feedback').dataset.score) !== s, first);
  const second = Number(await page.getAttribute('#feedback', 'data-score'));
  assert.ok(second > first, `${second} > ${first}`);
  assert.equal(await page.locator('#feedback .attempts li').count(), 2);
  await page.click('#show-model');
  assert.match(await page.textContent('#model'), /\^Sanne/);
  assert.match(await page.textContent('#progress'), /1\/\d+/);
  const stored = (await readStorage(page, ['webcare.practice', 'webcare.checks']));
  assert.equal(stored['webcare.practice'].attempts.length, 2);
  assert.equal(stored['webcare.checks'].checks.filter((c) => c.source === 'practice').length, 2);
  assert.deepEqual(await seriousViolations(page), []);

  // Filters and keyboard: the list is buttons; Enter opens a scenario.
  await page.selectOption('#f-type', 'happy');
  await page.selectOption('#f-platform', 'linkedin');
  const n = await page.locator('#list li').count();
  assert.equal(n, scenarios.filter((s) => s.type === 'happy' && s.platform === 'linkedin').length);
  await page.focus('#list li:first-child button');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'answer');
  await page.close();
});
