// checker.js — the quick check shared by the popup and the quick-check page:
// mention + draft reply + platform in, classification and lint out, live as
// you type. Suggestions are applied to the textarea; "Kopieer" copies the
// reply and counts it as a checked reply in the local stats.
import { createHistory } from '../lib/history.js';
import { applyProfile, loadProfiles, onProfilesChanged, pickProfile } from '../lib/profiles.js';
import { getSettings, lintFields, onSettingsChanged } from '../lib/settings.js';
import { $, call, copyText, debounce, h } from './common.js';
import { applySuggestion, checklistView, findingsView, lengthMeter, mentionView, replyPreview, scoreRing,
         verdictText } from './lint-view.js';

/**
 * opts: {source: 'popup'|'quick-check', compact: bool}
 * The page holds: input[name=platform] radios, #mention, #reply, #mention-out,
 * #reply-out, #copy, #clear, #status (all optional except the text areas).
 */
export async function startChecker({ source, compact = false }) {
  const mentionEl = $('#mention');
  const replyEl = $('#reply');
  const mentionOut = $('#mention-out');
  const replyOut = $('#reply-out');
  const status = $('#status');
  // The chosen brand profile (issue 12) on top of the stored settings.
  let stored = await getSettings();
  let profiles = await loadProfiles();
  let settings = applyProfile(stored, pickProfile(profiles).profile);
  const resolve = () => {
    settings = applyProfile(stored, pickProfile(profiles).profile);
  };
  const history = createHistory({ retentionDays: () => settings.retentionDays });
  let seq = 0;
  let last = null; // {mention, lint, text, platform}

  const platform = () => document.querySelector('input[name="platform"]:checked')?.value ?? 'x';
  const say = (text, kind = '') => {
    if (!status) return;
    status.textContent = text;
    status.dataset.kind = kind;
  };

  // State from the URL (the popup opens the full page with its text).
  const params = new URLSearchParams(location.search);
  if (params.get('mention')) mentionEl.value = params.get('mention');
  if (params.get('reply')) replyEl.value = params.get('reply');
  const p = params.get('platform');
  if (p) {
    const radio = document.querySelector(`input[name="platform"][value="${CSS.escape(p)}"]`);
    if (radio) radio.checked = true;
  }

  function hover(i) {
    for (const u of replyOut.querySelectorAll('.u')) u.classList.toggle('hot', i !== null && u.dataset.finding === String(i));
  }

  function apply(f, s) {
    const cur = replyEl.value;
    if (last?.text !== cur) return; // stale: the text changed since this finding
    const { text, caret } = applySuggestion(cur, f, s);
    replyEl.value = text;
    replyEl.focus();
    replyEl.setSelectionRange(caret, caret);
    say('Suggestie toegepast.', 'ok');
    run();
  }

  function renderReply(text, resp, mentionType) {
    if (!text.trim()) {
      replyOut.replaceChildren(h('p', { class: 'empty-state', text: 'Schrijf een concept-antwoord om het te laten checken.' }));
      replyOut.dataset.state = 'empty';
      return;
    }
    if (resp.error) {
      replyOut.replaceChildren(h('p', { class: 'status-line', 'data-kind': 'error', text: `Check mislukt: ${resp.error.message}` }));
      replyOut.dataset.state = 'error';
      return;
    }
    const r = resp.result;
    const v = verdictText(r);
    const score = Math.round(r.score ?? 0);
    const parts = [
      h('div', { class: 'verdict' }, scoreRing(score),
        h('div', { class: 'summary' }, h('h3', { text: v.head }), h('p', { text: `${v.detail}${mentionType ? '' : ' · type vermelding onbekend'}` }),
          lengthMeter(r.length))),
    ];
    if (!compact) parts.push(h('h3', { class: 'sub', text: 'Je antwoord' }), replyPreview(text, r.findings ?? []));
    parts.push(h('h3', { class: 'sub', text: 'Opmerkingen' }),
      findingsView(r, { text, trainee: settings.traineeMode, onApply: apply, onHover: compact ? null : hover }));
    if (!compact || settings.traineeMode) parts.push(h('h3', { class: 'sub', text: 'Checklist (9 stappen)' }), checklistView(r.checklist));
    replyOut.replaceChildren(...parts);
    replyOut.dataset.state = 'done';
    replyOut.dataset.score = String(score);
    replyOut.dataset.findings = (r.findings ?? []).map((f) => f.rule).join(' ');
  }

  async function run() {
    const my = ++seq;
    const mention = mentionEl.value;
    const text = replyEl.value;
    const plat = platform();
    let mres = null;
    if (mention.trim()) {
      const c = await call({ op: 'classify', text: mention });
      if (my !== seq) return;
      mres = c;
    }
    if (mres?.result) mentionOut.replaceChildren(mentionView(mention, mres.result));
    else if (mres?.error) mentionOut.replaceChildren(h('p', { class: 'status-line', 'data-kind': 'error', text: `Analyse mislukt: ${mres.error.message}` }));
    else mentionOut.replaceChildren(mentionView('', null));
    mentionOut.dataset.type = mres?.result?.type ?? '';
    let lres = { result: null };
    if (text.trim()) {
      const req = { op: 'lint', text, platform: plat, ...lintFields(settings) };
      if (mres?.result) req.mention = { text: mention, type: mres.result.type };
      lres = await call(req);
      if (my !== seq) return;
    }
    renderReply(text, lres, mres?.result?.type ?? null);
    last = { mention: mres?.result ?? null, lint: lres.result ?? null, text, platform: plat };
    document.body.dataset.checked = String(seq);
  }

  const soon = debounce(run, 180);
  mentionEl.addEventListener('input', soon);
  replyEl.addEventListener('input', soon);
  for (const r of document.querySelectorAll('input[name="platform"]')) r.addEventListener('change', run);

  $('#copy')?.addEventListener('click', async () => {
    await run();
    const text = replyEl.value;
    if (!text.trim()) {
      say('Er is nog geen antwoord om te kopiëren.', 'error');
      return;
    }
    const ok = await copyText(text);
    if (last?.lint) {
      history.recordCheck({ site: last.platform, source, score: last.lint.score, profile: settings.profile,
                            rules: (last.lint.findings ?? []).map((f) => f.rule), mtype: last.mention?.type ?? null });
      await history.flush();
    }
    say(ok ? 'Antwoord gekopieerd en meegeteld in je statistieken.' : 'Kopiëren lukte niet: selecteer de tekst zelf.', ok ? 'ok' : 'error');
  });
  $('#clear')?.addEventListener('click', () => {
    mentionEl.value = '';
    replyEl.value = '';
    say('');
    run();
    mentionEl.focus();
  });
  $('#open-full')?.addEventListener('click', (e) => {
    const q = new URLSearchParams({ mention: mentionEl.value, reply: replyEl.value, platform: platform() });
    e.currentTarget.href = `quick-check.html?${q}`;
  });

  onSettingsChanged((s) => {
    stored = s;
    resolve();
    run();
  });
  onProfilesChanged((next) => {
    profiles = next;
    resolve();
    run();
  });
  await run();
  return { run };
}
