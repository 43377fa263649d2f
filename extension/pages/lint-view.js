// lint-view.js — renders an analysis on the pages: the mention's type with its
// evidence, the reply with underlined findings, the findings (message, the
// webcare principle behind it, suggestions to apply), the 9-step checklist,
// score and platform length. Builds DOM nodes only; page text via textContent.
import { cueLabel, typeIcon, typeInfo } from '../ui/labels.js';
import { ruleLabel, sortFindings } from '../ui/lint-card.js';
import { h } from './common.js';

const SEVERITY = { error: 'fout', warning: 'let op', info: 'tip' };
const RANK = { error: 3, warning: 2, info: 1 };
const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function typePill(type, extra = '') {
  const info = typeInfo(type);
  return h('span', { class: 'pill', 'data-type': type }, typeIcon(type), h('span', { text: info.label + extra }));
}

/** Text split into segments at span boundaries; each segment gets the spans covering it. */
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.end > s.start) {
      cuts.add(Math.max(0, Math.min(text.length, s.start)));
      cuts.add(Math.max(0, Math.min(text.length, s.end)));
    }
  }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [a, b] = [pts[i], pts[i + 1]];
    out.push({ start: a, end: b, text: text.slice(a, b), spans: spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start) });
  }
  return out;
}

/** The mention with its evidence highlighted, the type pill, priority and cue list. */
export function mentionView(text, result) {
  if (!result) return h('p', { class: 'empty-state', text: 'Plak een vermelding om het type te zien.' });
  const evidence = Array.isArray(result.evidence) ? result.evidence : [];
  const flags = [`prioriteit ${Math.round(result.priority ?? 0)}`];
  if (typeof result.confidence === 'number') flags.push(`zekerheid ${Math.round(result.confidence * 100)}%`);
  if (result.sarcasm) flags.push('sarcasme');
  if (result.profanity) flags.push('grof taalgebruik');
  const marked = h('p', { class: 'mention-text', 'data-type': result.type },
    ...segments(text, evidence).map((s) => (s.spans.length
      ? h('mark', { class: 'ev', title: s.spans.map((e) => cueLabel(e.cue)).join(', '), text: s.text })
      : s.text)));
  const cues = evidence.slice(0, 10).map((ev) => h('li', {},
    h('span', { class: 'cue', text: cueLabel(ev.cue) }),
    h('span', { text: `“${clip(text.slice(ev.start, ev.end).trim(), 40)}”` })));
  return h('div', { class: 'mention-card', 'data-type': result.type, 'data-result-type': result.type },
    h('div', { class: 'top' }, typePill(result.type), h('span', { class: 'muted', text: typeInfo(result.type).long }),
      h('span', { class: 'muted', text: '· ' + flags.join(' · ') })),
    marked,
    cues.length ? h('ul', { class: 'cues', 'aria-label': 'Signalen' }, ...cues)
      : h('p', { class: 'muted', text: 'Geen opvallende signalen: neutraal.' }));
}

/** The reply with wavy underlines per finding (worst severity wins where they overlap). */
export function replyPreview(text, findings) {
  const spans = findings.map((f, i) => ({ start: f.start, end: f.end, f, i }));
  const el = h('div', { class: 'preview', 'data-empty': 'Je antwoord verschijnt hier met onderstrepingen.' });
  for (const s of segments(text, spans)) {
    if (!s.spans.length) {
      el.append(s.text);
      continue;
    }
    const worst = s.spans.reduce((a, b) => (RANK[b.f.severity] > RANK[a.f.severity] ? b : a));
    el.append(h('span', { class: 'u', 'data-severity': worst.f.severity, 'data-finding': String(worst.i),
                          title: s.spans.map((x) => ruleLabel(x.f.rule)).join(', '), text: s.text }));
  }
  return el;
}

export function scoreRing(score) {
  const level = score === null ? 'none' : score >= 80 ? 'good' : score >= 55 ? 'ok' : 'bad';
  const el = h('div', { class: 'score', 'data-level': level, role: 'img',
                        'aria-label': score === null ? 'Nog geen score' : `Score ${score} van 100` },
    h('span', { text: score === null ? '–' : String(score) }));
  el.style.setProperty('--p', String(score ?? 0));
  return el;
}

export function lengthMeter(len) {
  if (!len) return null;
  const { used, limit } = len;
  const state = used > limit ? 'over' : used > limit * 0.9 ? 'near' : 'ok';
  const fill = h('i');
  fill.style.width = `${Math.min(100, (used / Math.max(1, limit)) * 100)}%`;
  return h('div', { class: 'meter', 'data-state': state },
    h('div', { class: 'bar', 'aria-hidden': 'true' }, fill),
    h('span', { text: used > limit ? `${used} / ${limit} tekens · ${used - limit} te veel` : `${used} / ${limit} tekens` }));
}

/**
 * One finding. opts: {text, trainee, onApply(finding, suggestion), onHover(i|null), index}
 */
export function findingView(f, opts) {
  const quote = opts.text.slice(f.start, f.end).trim();
  const li = h('li', { class: 'finding', 'data-severity': f.severity, 'data-rule': f.rule },
    h('div', { class: 'head' }, h('span', { class: 'label', text: ruleLabel(f.rule) }),
      h('span', { class: 'sev', text: SEVERITY[f.severity] ?? f.severity })),
    quote ? h('span', { class: 'quote', text: `“${clip(quote, 70)}”` }) : null,
    h('p', { class: 'msg', text: f.message ?? '' }));
  if (f.why) {
    const det = h('details', { class: 'why-box' }, h('summary', { text: 'Waarom?' }), h('p', { class: 'why', text: f.why }));
    det.open = Boolean(opts.trainee);
    li.append(det);
  }
  const suggs = Array.isArray(f.suggestions) ? f.suggestions : [];
  const replaces = suggs.filter((s) => s?.kind === 'replace' && typeof s.text === 'string').slice(0, 3);
  if (replaces.length && opts.onApply) {
    li.append(h('div', { class: 'suggs' }, ...replaces.map((s) => {
      const verb = s.text.trim() === '' ? 'Verwijder' : f.start === f.end ? 'Voeg in' : 'Vervang door';
      return h('button', { type: 'button', class: 'apply', 'data-action': 'apply',
                           onclick: () => opts.onApply(f, s) },
        `${verb}${s.text.trim() ? ': “' + clip(s.text.trim(), 60) + '”' : ' “' + clip(quote, 40) + '”'}`);
    })));
  }
  for (const a of suggs.filter((s) => s?.kind !== 'replace' && typeof s?.text === 'string').slice(0, 2)) {
    li.append(h('p', { class: 'advice', text: a.text }));
  }
  if (opts.onHover) {
    li.addEventListener('mouseenter', () => opts.onHover(opts.index));
    li.addEventListener('mouseleave', () => opts.onHover(null));
  }
  return li;
}

export function findingsView(result, opts) {
  const findings = sortFindings(result.findings ?? []);
  if (!findings.length) {
    return h('p', { class: 'clean' }, h('span', { text: '✓' }), h('span', { text: 'Geen opmerkingen: dit antwoord kan zo de deur uit.' }));
  }
  const all = result.findings ?? [];
  return h('ol', { class: 'findings', 'aria-label': 'Opmerkingen' },
    ...findings.map((f) => findingView(f, { ...opts, index: all.indexOf(f) })));
}

export function checklistView(checklist) {
  return h('ol', { class: 'steps', 'aria-label': 'Checklist: 9 stappen' }, ...(checklist ?? []).map((s, i) => h('li', {
    class: 'step', 'data-done': s.done === null ? 'na' : String(Boolean(s.done)),
    title: s.done === null ? 'Niet van toepassing op deze vermelding' : s.done ? 'Gedaan' : 'Nog niet gedaan' },
  h('span', { class: 'mark', 'aria-hidden': 'true', text: s.done === true ? '✓' : String(i + 1) }),
  h('span', { class: 'name', text: String(s.step) }),
  h('span', { class: 'sr', text: s.done === null ? '(n.v.t.)' : s.done ? '(gedaan)' : '(nog niet)' }))));
}

/** Score headline: "Score 72 · 2 fouten, 1 aandachtspunt". */
export function verdictText(result) {
  const fs = result.findings ?? [];
  const e = fs.filter((f) => f.severity === 'error').length;
  const w = fs.filter((f) => f.severity === 'warning').length;
  const i = fs.filter((f) => f.severity === 'info').length;
  const parts = [];
  if (e) parts.push(e === 1 ? '1 fout' : `${e} fouten`);
  if (w) parts.push(w === 1 ? '1 aandachtspunt' : `${w} aandachtspunten`);
  if (i) parts.push(i === 1 ? '1 tip' : `${i} tips`);
  const head = result.score >= 80 ? 'Sterk antwoord' : result.score >= 55 ? 'Bijna goed' : 'Nog niet plaatsen';
  return { head, detail: parts.length ? parts.join(', ') : 'geen opmerkingen' };
}

/** Applies a replace suggestion to text -> {text, caret}. */
export function applySuggestion(text, f, s) {
  const next = text.slice(0, f.start) + s.text + text.slice(f.end);
  return { text: next, caret: f.start + s.text.length };
}
