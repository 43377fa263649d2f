// styles.js — the CSS of our shadow roots (never applied to the page).
const TOKENS = `
  --wc-font: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --wc-angry: #c8281e; --wc-angry-bg: #fdecea; --wc-angry-bd: #f6c3be;
  --wc-question: #5b45c2; --wc-question-bg: #f0edfd; --wc-question-bd: #d5cdf7;
  --wc-happy: #12784f; --wc-happy-bg: #e6f6ee; --wc-happy-bd: #b7e4cc;
  --wc-neutral: #4b5563; --wc-neutral-bg: #f1f3f5; --wc-neutral-bd: #dadee3;
  --wc-error: #9a5b00; --wc-error-bg: #fff6e5; --wc-error-bd: #f3d9a6;
  --wc-card: #ffffff; --wc-ink: #14171a; --wc-muted: #5f6b7a; --wc-line: #e6e9ee;
  --wc-shadow: 0 10px 30px rgba(16, 24, 40, .14), 0 2px 6px rgba(16, 24, 40, .08);
`;
const DARK = `
  --wc-angry: #ff8a80; --wc-angry-bg: #3a1614; --wc-angry-bd: #6b2721;
  --wc-question: #b4a6ff; --wc-question-bg: #231d42; --wc-question-bd: #3e3470;
  --wc-happy: #6fd7a6; --wc-happy-bg: #0f2e22; --wc-happy-bd: #1d5a41;
  --wc-neutral: #c2c9d3; --wc-neutral-bg: #23272e; --wc-neutral-bd: #3a404a;
  --wc-error: #ffc266; --wc-error-bg: #33250b; --wc-error-bd: #5c4414;
  --wc-card: #16191e; --wc-ink: #eef1f4; --wc-muted: #9aa5b1; --wc-line: #2b3038;
  --wc-shadow: 0 10px 30px rgba(0, 0, 0, .5), 0 2px 6px rgba(0, 0, 0, .4);
`;

const TYPE_RULES = ['angry', 'question', 'happy', 'neutral', 'error'].map((t) => `
  [data-type="${t}"] { --c: var(--wc-${t}); --bg: var(--wc-${t}-bg); --bd: var(--wc-${t}-bd); }`).join('');

export const BADGE_CSS = `
:host { ${TOKENS} all: initial; display: inline-flex; vertical-align: middle; margin: 0 6px;
        font-family: var(--wc-font); line-height: 1; position: relative; }
@media (prefers-color-scheme: dark) { :host { ${DARK} } }
${TYPE_RULES}
.chip { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 5px; height: 22px;
        padding: 0 4px 0 7px; border-radius: 999px; border: 1px solid var(--bd); background: var(--bg);
        color: var(--c); font: 600 12px/1 var(--wc-font); letter-spacing: .01em; cursor: default;
        white-space: nowrap; transition: box-shadow .15s ease, transform .15s ease; user-select: none; }
.chip:hover { box-shadow: 0 1px 4px rgba(16, 24, 40, .12); }
.chip:focus-visible { outline: 2px solid var(--c); outline-offset: 2px; }
.chip .icon { flex: none; }
.prio { display: inline-flex; align-items: center; justify-content: center; min-width: 16px; height: 16px;
        padding: 0 4px; border-radius: 999px; background: var(--c); color: var(--wc-card);
        font: 700 10.5px/1 var(--wc-font); font-variant-numeric: tabular-nums; box-sizing: border-box; }
.chip.pending { color: var(--wc-muted); background: transparent; border-style: dashed; }
.tip { ${TOKENS} margin: 0; inset: auto; position: fixed; z-index: 2147483647; box-sizing: border-box;
       width: max-content; max-width: 320px; padding: 12px 14px; border-radius: 12px; border: 1px solid var(--wc-line);
       background: var(--wc-card); color: var(--wc-ink); box-shadow: var(--wc-shadow);
       font: 400 13px/1.45 var(--wc-font); text-align: left; pointer-events: none; }
@media (prefers-color-scheme: dark) { .tip { ${DARK} } }
.tip:not(:popover-open):not(.open) { display: none; }
.tip h3 { all: unset; display: flex; align-items: center; gap: 6px; font-weight: 700; font-size: 13.5px; color: var(--c); }
.tip .meta { margin: 4px 0 0; color: var(--wc-muted); font-size: 12px; }
.tip ul { list-style: none; margin: 10px 0 0; padding: 10px 0 0; border-top: 1px solid var(--wc-line);
          display: grid; gap: 6px; }
.tip li { display: flex; gap: 8px; align-items: baseline; }
.tip .cue { flex: none; font-size: 10.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
            color: var(--wc-muted); min-width: 76px; }
.tip q { quotes: "\\201C" "\\201D"; font-weight: 600; overflow-wrap: anywhere; }
.tip .none { margin: 10px 0 0; color: var(--wc-muted); font-size: 12px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* persona (seed 002) + history + trainee advice (issue 8) */
.persona { display: inline-flex; align-items: center; height: 16px; padding: 0 6px; border-radius: 999px;
           font: 700 10.5px/1 var(--wc-font); background: var(--wc-card); color: var(--wc-muted); border: 1px solid var(--wc-line); }
.persona[data-persona="merkambassadeur"] { color: var(--wc-happy); border-color: var(--wc-happy-bd); }
.persona[data-persona="criticaster"] { color: var(--wc-angry); border-color: var(--wc-angry-bd); }
.persona[data-persona="tijdelijk-boos"] { color: var(--wc-error); border-color: var(--wc-error-bd); }
.persona[data-persona="nieuw"] { color: var(--wc-question); border-color: var(--wc-question-bd); }
.tip .advice { margin: 8px 0 0; padding: 7px 9px; border-radius: 8px; background: var(--wc-neutral-bg); font-size: 12px; }
.tip .hist { margin-top: 10px; padding-top: 10px; border-top: 1px solid var(--wc-line); }
.tip .who { margin: 0; font-size: 12px; color: var(--wc-muted); }
.tip .earlier { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 4px; border: 0; }
.tip .earlier li { display: flex; align-items: center; gap: 6px; color: var(--c); font-size: 12px; }
.tip .earlier .lbl { font-weight: 700; }
.tip .earlier .when { margin-left: auto; color: var(--wc-muted); font-variant-numeric: tabular-nums; }
/* customer memory (issue 12): lists, last contact, timeline across sites, open promises, reply hints */
.chip .lists { display: inline-flex; align-items: center; height: 16px; padding: 0 6px; border-radius: 999px;
               font: 700 10.5px/1 var(--wc-font); background: var(--wc-question); color: var(--wc-card); }
.tip .cust { margin-top: 10px; padding-top: 10px; border-top: 1px solid var(--wc-line); display: grid; gap: 6px; }
.tip .cust p { margin: 0; font-size: 12px; color: var(--wc-muted); }
.tip .tags { display: flex; flex-wrap: wrap; gap: 4px; }
.tip .tag { display: inline-flex; height: 18px; align-items: center; padding: 0 7px; border-radius: 999px; font: 700 11px/1 var(--wc-font);
            background: var(--wc-question-bg); color: var(--wc-question); border: 1px solid var(--wc-question-bd); }
.tip .timeline { list-style: none; margin: 0; padding: 0; display: grid; gap: 3px; border: 0; }
.tip .timeline li { display: flex; align-items: center; gap: 6px; font-size: 12px; color: var(--c, var(--wc-ink)); }
.tip .timeline li[data-kind="reply"] { color: var(--wc-muted); }
.tip .timeline .site { font-weight: 700; min-width: 0; color: var(--wc-muted); }
.tip .timeline .when { margin-left: auto; color: var(--wc-muted); font-variant-numeric: tabular-nums; }
.tip .hints { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; border: 0; }
.tip .hints li { display: block; padding: 6px 8px; border-radius: 8px; background: var(--wc-question-bg); font-size: 12px; color: var(--wc-ink); }
.tip .hints li[data-hint="moderatie"], .tip .hints li[data-state="overdue"] { background: var(--wc-angry-bg); }
.tip .hints strong { display: block; font-size: 12px; }
.tip .hints q { display: block; margin-top: 3px; color: var(--wc-muted); }
`;

export const PANEL_CSS = `
:host { ${TOKENS} all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
        font-family: var(--wc-font); color: var(--wc-ink); }
@media (prefers-color-scheme: dark) { :host { ${DARK} } }
${TYPE_RULES}
.card { box-sizing: border-box; width: 340px; max-height: min(70vh, 560px); display: flex; flex-direction: column;
        background: var(--wc-card); border: 1px solid var(--wc-line); border-radius: 16px; box-shadow: var(--wc-shadow);
        overflow: hidden; }
.head { all: unset; box-sizing: border-box; display: flex; align-items: center; gap: 10px; width: 100%;
        padding: 12px 14px; cursor: pointer; font: 700 14px/1.2 var(--wc-font); color: var(--wc-ink); }
.head:focus-visible { outline: 2px solid var(--wc-question); outline-offset: -2px; border-radius: 16px; }
.logo { width: 22px; height: 22px; border-radius: 7px; flex: none; display: grid; place-items: center;
        background: linear-gradient(135deg, #5b45c2, #2f80ed); color: #fff; font: 800 12px/1 var(--wc-font); }
.title { flex: 1; }
.counts { display: flex; gap: 4px; }
.count { display: inline-flex; align-items: center; gap: 3px; height: 20px; padding: 0 7px; border-radius: 999px;
         background: var(--bg); color: var(--c); border: 1px solid var(--bd); font: 700 11px/1 var(--wc-font);
         font-variant-numeric: tabular-nums; }
.chev { width: 16px; height: 16px; color: var(--wc-muted); transition: transform .2s ease; flex: none; }
.card[data-open="true"] .chev { transform: rotate(180deg); }
.body { border-top: 1px solid var(--wc-line); overflow: auto; }
.card[data-open="false"] .body { display: none; }
ol { list-style: none; margin: 0; padding: 6px; display: grid; gap: 2px; }
.item { all: unset; box-sizing: border-box; width: 100%; display: grid; grid-template-columns: auto 1fr auto;
        gap: 4px 10px; align-items: center; padding: 9px 10px; border-radius: 10px; cursor: pointer; }
.item:hover { background: var(--wc-neutral-bg); }
.item:focus-visible { outline: 2px solid var(--c); outline-offset: -2px; }
.dot { grid-row: span 2; width: 28px; height: 28px; border-radius: 9px; display: grid; place-items: center;
       background: var(--bg); color: var(--c); border: 1px solid var(--bd); }
.who { font: 600 13px/1.2 var(--wc-font); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.who .type { color: var(--c); font-weight: 700; margin-right: 6px; }
.what { grid-column: 2 / 4; font: 400 12.5px/1.35 var(--wc-font); color: var(--wc-muted); overflow: hidden;
        display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.prio { font: 700 11px/1 var(--wc-font); color: var(--c); font-variant-numeric: tabular-nums; }
.item[data-visible="false"] { opacity: .62; }
.filter { display: flex; align-items: center; gap: 8px; padding: 8px 12px 0; font: 600 12px/1.2 var(--wc-font); color: var(--wc-muted); }
.filter select { font: 400 12.5px/1.2 var(--wc-font); color: var(--wc-ink); background: var(--wc-card);
                 border: 1px solid var(--wc-line); border-radius: 8px; padding: 4px 6px; }
.filter select:focus-visible { outline: 2px solid var(--wc-question); outline-offset: 1px; }
.empty, .status { margin: 0; padding: 14px; color: var(--wc-muted); font: 400 12.5px/1.4 var(--wc-font); }
.status { border-top: 1px solid var(--wc-line); color: var(--wc-error); }
`;
