// lint-styles.js — CSS of the reply-lint UI: the side card, the gate notice
// toast and the overlay underlines (the fallback when the page has no CSS
// Custom Highlight API). Only ever used inside our shadow roots.
const TOKENS = `
  --wc-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --wc-card: #ffffff; --wc-ink: #14171a; --wc-muted: #5f6b7a; --wc-line: #e6e9ee; --wc-soft: #f6f7f9;
  --wc-accent: #5b45c2; --wc-accent-bg: #f0edfd;
  --wc-error: #c8281e; --wc-error-bg: #fdecea; --wc-warning: #b25e00; --wc-warning-bg: #fff3e0;
  --wc-info: #1a62c7; --wc-info-bg: #e8f0fe; --wc-ok: #12784f; --wc-ok-bg: #e6f6ee;
  --wc-angry: #c8281e; --wc-question: #5b45c2; --wc-happy: #12784f; --wc-neutral: #4b5563;
  --wc-shadow: 0 12px 32px rgba(16, 24, 40, .16), 0 2px 6px rgba(16, 24, 40, .08);
`;
const DARK = `
  --wc-card: #16191e; --wc-ink: #eef1f4; --wc-muted: #9aa5b1; --wc-line: #2b3038; --wc-soft: #1f2329;
  --wc-accent: #b4a6ff; --wc-accent-bg: #231d42;
  --wc-error: #ff8a80; --wc-error-bg: #3a1614; --wc-warning: #ffb74d; --wc-warning-bg: #33250b;
  --wc-info: #8ab4f8; --wc-info-bg: #142440; --wc-ok: #6fd7a6; --wc-ok-bg: #0f2e22;
  --wc-angry: #ff8a80; --wc-question: #b4a6ff; --wc-happy: #6fd7a6; --wc-neutral: #c2c9d3;
  --wc-shadow: 0 12px 32px rgba(0, 0, 0, .5), 0 2px 6px rgba(0, 0, 0, .4);
`;

export const CARD_CSS = `
:host { ${TOKENS} all: initial; position: fixed; z-index: 2147483645; top: 0; left: 0;
        font-family: var(--wc-font); color: var(--wc-ink); }
@media (prefers-color-scheme: dark) { :host { ${DARK} } }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.card { width: 328px; max-height: min(64vh, 560px); display: flex; flex-direction: column; overflow: hidden;
        background: var(--wc-card); border: 1px solid var(--wc-line); border-radius: 16px; box-shadow: var(--wc-shadow);
        font: 400 13px/1.45 var(--wc-font); }
header { display: flex; align-items: center; gap: 10px; padding: 12px 12px 10px 14px; }
.logo { width: 24px; height: 24px; border-radius: 7px; flex: none; display: grid; place-items: center;
        background: linear-gradient(135deg, #5b45c2, #2f80ed); color: #fff; font: 800 12px/1 var(--wc-font); }
.titles { flex: 1; min-width: 0; }
h2 { all: unset; display: block; font: 700 14px/1.2 var(--wc-font); }
.ctx { margin: 2px 0 0; color: var(--wc-muted); font-size: 12px; overflow-wrap: anywhere;
       display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.ctx .type { font-weight: 700; }
.ctx .brand { font-weight: 700; color: var(--wc-accent); }
.ctx .type[data-type="angry"] { color: var(--wc-angry); }
.ctx .type[data-type="question"] { color: var(--wc-question); }
.ctx .type[data-type="happy"] { color: var(--wc-happy); }
.ctx .type[data-type="neutral"] { color: var(--wc-neutral); }
.score { flex: none; width: 42px; height: 42px; border-radius: 50%; display: grid; place-items: center;
         font: 800 14px/1 var(--wc-font); font-variant-numeric: tabular-nums;
         background: conic-gradient(var(--c) calc(var(--p) * 1%), var(--wc-line) 0); position: relative; }
.score::before { content: ""; position: absolute; inset: 4px; border-radius: 50%; background: var(--wc-card); }
.score span { position: relative; color: var(--c); }
.score[data-level="good"] { --c: var(--wc-ok); }
.score[data-level="ok"] { --c: var(--wc-warning); }
.score[data-level="bad"] { --c: var(--wc-error); }
.score[data-level="none"] { --c: var(--wc-muted); }
.icon-btn { all: unset; flex: none; width: 28px; height: 28px; border-radius: 8px; display: grid; place-items: center;
            color: var(--wc-muted); cursor: pointer; }
.icon-btn:hover { background: var(--wc-soft); color: var(--wc-ink); }
.icon-btn:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid var(--wc-accent); outline-offset: 2px; }
.meter { display: flex; align-items: center; gap: 10px; padding: 0 14px 12px; }
.bar { flex: 1; height: 6px; border-radius: 999px; background: var(--wc-soft); overflow: hidden; }
.bar i { display: block; height: 100%; width: 0; border-radius: inherit; background: var(--wc-accent); transition: width .15s ease; }
.meter[data-state="near"] .bar i { background: var(--wc-warning); }
.meter[data-state="over"] .bar i { background: var(--wc-error); }
.count { font: 600 12px/1 var(--wc-font); font-variant-numeric: tabular-nums; color: var(--wc-muted); white-space: nowrap; }
.meter[data-state="over"] .count { color: var(--wc-error); font-weight: 800; }
.body { overflow-y: auto; overflow-x: hidden; overscroll-behavior: contain; border-top: 1px solid var(--wc-line); }
.card[data-collapsed="true"] .body, .card[data-collapsed="true"] .gate { display: none; }
.gate { margin: 0 12px 12px; padding: 10px 12px; border-radius: 12px; border: 1px solid; }
.gate[data-kind="warn"] { background: var(--wc-warning-bg); border-color: color-mix(in srgb, var(--wc-warning) 35%, transparent); }
.gate[data-kind="block"] { background: var(--wc-error-bg); border-color: color-mix(in srgb, var(--wc-error) 35%, transparent); }
.gate[data-kind="skipped"] { background: var(--wc-info-bg); border-color: color-mix(in srgb, var(--wc-info) 35%, transparent); }
.gate strong { display: block; font-size: 13px; }
.gate p { margin: 3px 0 0; font-size: 12.5px; }
.gate .actions { display: flex; gap: 8px; margin-top: 8px; }
.hints { list-style: none; margin: 0 12px 10px; padding: 0; display: grid; gap: 6px; }
.hints[hidden] { display: none; }
.card[data-collapsed="true"] .hints { display: none; }
.hint { padding: 8px 10px; border-radius: 10px; background: var(--wc-accent-bg); font-size: 12.5px; }
.hint[data-hint="moderatie"], .hint[data-state="overdue"] { background: var(--wc-error-bg); }
.hint strong { display: block; font-size: 12.5px; }
.hint p { margin: 2px 0 0; }
.hint blockquote { margin: 6px 0 0; padding: 6px 8px; border-left: 3px solid var(--wc-accent); background: var(--wc-card);
                   border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.hint .when { display: block; color: var(--wc-muted); font-size: 11.5px; margin-top: 2px; }
.btn { all: unset; cursor: pointer; padding: 6px 12px; border-radius: 999px; font: 700 12.5px/1.2 var(--wc-font);
       border: 1px solid var(--wc-line); background: var(--wc-card); color: var(--wc-ink); }
.btn:hover { background: var(--wc-soft); }
.btn.primary { background: var(--wc-ink); color: var(--wc-card); border-color: var(--wc-ink); }
.btn.primary:hover { opacity: .9; }
.btn:focus-visible { outline: 2px solid var(--wc-accent); outline-offset: 2px; }
ol.findings { list-style: none; margin: 0; padding: 6px; display: grid; gap: 2px; }
.finding { padding: 9px 10px; border-radius: 10px; border-left: 3px solid var(--sev); }
.finding:hover, .finding:focus-within { background: var(--wc-soft); }
.finding[data-severity="error"] { --sev: var(--wc-error); --sev-bg: var(--wc-error-bg); }
.finding[data-severity="warning"] { --sev: var(--wc-warning); --sev-bg: var(--wc-warning-bg); }
.finding[data-severity="info"] { --sev: var(--wc-info); --sev-bg: var(--wc-info-bg); }
.row { display: flex; align-items: baseline; gap: 8px; }
.label { flex: 1; min-width: 0; font-weight: 700; font-size: 13px; }
.sev { font: 700 10px/1 var(--wc-font); text-transform: uppercase; letter-spacing: .05em; padding: 3px 6px;
       border-radius: 999px; color: var(--sev); background: var(--sev-bg); white-space: nowrap; flex: none; }
.quote { display: block; margin: 2px 0 0; color: var(--wc-muted); font-size: 12px; font-style: italic;
         white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.msg { margin: 3px 0 0; }
.why { margin: 3px 0 0; color: var(--wc-muted); font-size: 11.5px; line-height: 1.4; }
.why-toggle { border: 0; margin-top: 2px; }
.why-toggle summary { display: inline-flex; padding: 0; font: 600 11.5px/1.4 var(--wc-font); color: var(--wc-muted);
                      text-decoration: underline dotted; text-underline-offset: 2px; }
.why-toggle summary:hover { color: var(--wc-ink); }
.suggs { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 7px; }
.apply { all: unset; cursor: pointer; max-width: 100%; padding: 5px 10px; border-radius: 8px; font: 600 12.5px/1.3 var(--wc-font);
         background: var(--wc-accent-bg); color: var(--wc-accent); overflow-wrap: anywhere; }
.apply:hover { filter: brightness(.96); }
.apply .arrow { opacity: .7; margin-right: 4px; }
.apply s { opacity: .65; }
.advice { margin: 6px 0 0; padding: 6px 8px; border-radius: 8px; background: var(--wc-soft); font-size: 12px; }
.clean { display: flex; gap: 8px; align-items: center; margin: 10px 14px; color: var(--wc-ok); font-weight: 600; }
.status { margin: 10px 14px; color: var(--wc-muted); font-size: 12px; }
details.checklist { border-top: 1px solid var(--wc-line); }
summary { cursor: pointer; list-style: none; }
.checklist summary { display: flex; align-items: center; gap: 8px; padding: 10px 14px;
          font-weight: 700; }
summary::-webkit-details-marker { display: none; }
.checklist summary .done-count { margin-left: auto; color: var(--wc-muted); font-weight: 600; font-variant-numeric: tabular-nums; }
summary .chev { transition: transform .15s ease; color: var(--wc-muted); }
details[open] summary .chev { transform: rotate(90deg); }
ol.steps { list-style: none; margin: 0; padding: 0 14px 12px; display: grid; gap: 4px; counter-reset: step; }
.step { display: flex; align-items: center; gap: 8px; font-size: 12.5px; }
.step .mark { width: 18px; height: 18px; border-radius: 50%; flex: none; display: grid; place-items: center;
              font: 700 10px/1 var(--wc-font); border: 1.5px solid var(--wc-line); color: var(--wc-muted); }
.step[data-done="true"] .mark { background: var(--wc-ok); border-color: var(--wc-ok); color: #fff; }
.step[data-done="false"] .mark { border-color: var(--wc-warning); color: var(--wc-warning); }
.step[data-done="na"] { color: var(--wc-muted); }
.step[data-done="na"] .name { text-decoration: line-through; text-decoration-color: var(--wc-line); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export const TOAST_CSS = `
:host { ${TOKENS} all: initial; position: fixed; z-index: 2147483647; left: 50%; bottom: 24px;
        transform: translateX(-50%); font-family: var(--wc-font); }
@media (prefers-color-scheme: dark) { :host { ${DARK} } }
.toast { display: flex; gap: 10px; align-items: flex-start; max-width: 460px; padding: 12px 14px; border-radius: 14px;
         background: var(--wc-card); color: var(--wc-ink); border: 1px solid var(--wc-line); box-shadow: var(--wc-shadow);
         font: 400 13px/1.45 var(--wc-font); }
.dot { width: 10px; height: 10px; margin-top: 4px; border-radius: 50%; background: var(--wc-info); flex: none; }
strong { display: block; }
p { margin: 2px 0 0; color: var(--wc-muted); }
button { all: unset; cursor: pointer; color: var(--wc-muted); padding: 0 4px; font-size: 16px; line-height: 1; }
button:focus-visible { outline: 2px solid var(--wc-accent); }
`;

export const UNDERLINE_CSS = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483644; }
.layer { position: absolute; inset: 0; }
.u { position: fixed; pointer-events: none; border-bottom: 2px solid; }
.u.error { border-color: #d93025; background: rgba(217, 48, 37, .07); }
.u.warning { border-color: #e37400; background: rgba(227, 116, 0, .06); }
.u.info { border-bottom-style: dotted; border-color: #1a73e8; }
.u.active { background: rgba(91, 69, 194, .18); border: 0; }
`;
