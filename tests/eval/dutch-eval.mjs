#!/usr/bin/env node
// dutch-eval.mjs — precision and recall of the Dutch checks (issue 11) on the
// labelled dev set tests/data/dutch.jsonl, per rule and per split.
//
// Findings come from the real `lint` op of build/webcare (rule ids
// dt-spelling / confusion) when the linter runs them; otherwise from the
// checker directly (build/tests/test_dutch --eval). A finding is a true
// positive when its rule and its UTF-16 span equal the labelled wrong word;
// "fix" counts how many of those also suggest exactly the labelled fix.
//
// Usage: node tests/eval/dutch-eval.mjs [--via lint|direct] [--show] [--show-blind]
// Exit status 1 when held-out precision < 97% or recall < 85% for a rule.
import { readFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const ROOT = new URL("../../", import.meta.url).pathname;
const DATA = ROOT + "tests/data/dutch.jsonl";
const CLI = ROOT + "build/webcare";
const DIRECT = process.env.DUTCH_DIRECT || ROOT + "build/tests/test_dutch";
const RULES = ["dt-spelling", "confusion"];
const args = process.argv.slice(2);
const show = args.includes("--show");
// --show lists the misses of train/held-out only: blind items stay unseen
// (counts only) unless --show-blind is given on purpose.
const showBlind = args.includes("--show-blind");
const shown = (r) => (r.split === "blind" ? showBlind : show);
const viaArg = args.includes("--via") ? args[args.indexOf("--via") + 1] : null;

// tests/data/blind/dutch.jsonl (written by others without seeing the code; never
// tuned on), when present, is its own "blind" split, outside "all".
const BLIND = ROOT + "tests/data/blind/dutch.jsonl";
const rows = [DATA, ...(existsSync(BLIND) ? [BLIND] : [])]
  .flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)));
const SPLITS = ["train", "heldout", ...(rows.some((r) => r.split === "blind") ? ["blind"] : []), "all"];

function viaLint(texts) {
  if (!existsSync(CLI)) return null;
  const input = texts.map((text) => JSON.stringify({ op: "lint", text, platform: "facebook" })).join("\n") + "\n";
  const r = spawnSync(CLI, ["call"], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  const lines = (r.stdout || "").split("\n").filter(Boolean);
  if (lines.length !== texts.length) return null;
  const out = lines.map((l) => {
    const j = JSON.parse(l);
    const fs = (j.result && j.result.findings) || j.findings || [];
    return fs
      .filter((f) => RULES.includes(f.rule) || f.rule === "readability")
      .map((f) => ({
        rule: f.rule,
        start: f.start,
        end: f.end,
        // the first one-click replacement ({kind: "replace", text})
        suggestion: ((f.suggestions || []).find((s) => s && s.kind === "replace") || {}).text ?? "",
      }));
  });
  // The lint op is only "the" path once it reports our rules at all.
  return out.some((fs) => fs.some((f) => RULES.includes(f.rule))) ? out : null;
}

function viaDirect(texts) {
  if (!existsSync(DIRECT)) throw new Error(`${DIRECT} missing: run make build/tests/test_dutch`);
  const r = spawnSync(DIRECT, ["--eval"], { input: texts.join("\n") + "\n", encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error("test_dutch --eval failed: " + r.stderr);
  return r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

// UTF-16 span of `wrong` as a whole word in text (the guide guarantees one occurrence).
function spanOf(text, wrong) {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${wrong.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}_])`, "u");
  const m = re.exec(text);
  return m ? [m.index, m.index + wrong.length] : [-1, -1];
}

const texts = rows.map((r) => r.text);
let path = "direct";
let found = null;
if (viaArg !== "direct") {
  found = viaLint(texts);
  if (found) path = "lint";
  else if (viaArg === "lint") throw new Error("the lint op does not report dt-spelling/confusion yet");
}
if (!found) found = viaDirect(texts);

const stat = {};
const bump = (rule, split, key) => {
  for (const s of split === "blind" ? [split] : [split, "all"]) {
    const k = `${rule}\t${s}`;
    stat[k] ??= { tp: 0, fp: 0, fn: 0, fix: 0 };
    stat[k][key]++;
  }
};
rows.forEach((r, i) => {
  const gold = r.errors[0] || null;
  const span = gold ? spanOf(r.text, gold.wrong) : null;
  for (const rule of RULES) {
    const mine = found[i].filter((f) => f.rule === rule);
    let hit = false;
    for (const f of mine) {
      if (gold && gold.rule === rule && f.start === span[0] && f.end === span[1]) {
        hit = true;
        bump(rule, r.split, "tp");
        if (f.suggestion === gold.fix) bump(rule, r.split, "fix");
      } else {
        bump(rule, r.split, "fp");
        if (shown(r)) console.log(`FP ${r.id} ${rule} "${r.text.slice(f.start, f.end)}" -> ${f.suggestion} | ${r.text}`);
      }
    }
    if (gold && gold.rule === rule && !hit) {
      bump(rule, r.split, "fn");
      if (shown(r)) console.log(`FN ${r.id} ${rule} ${gold.wrong} -> ${gold.fix} | ${r.text}`);
    }
    // make sure every cell exists
    bump(rule, r.split, "tp"), stat[`${rule}\t${r.split}`].tp--;
    if (r.split !== "blind") stat[`${rule}\tall`].tp--;
  }
});

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + "%" : "n/a");
console.log(`dutch eval (${rows.length} sentences, via ${path})`);
console.log("rule         split     tp  fp  fn  precision  recall  fix-exact");
let ok = true;
for (const rule of RULES) {
  for (const split of SPLITS) {
    const s = stat[`${rule}\t${split}`];
    const p = s.tp / Math.max(1, s.tp + s.fp), rc = s.tp / Math.max(1, s.tp + s.fn);
    console.log(
      `${rule.padEnd(12)} ${split.padEnd(8)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ` +
        `${pct(s.tp, s.tp + s.fp).padStart(9)}  ${pct(s.tp, s.tp + s.fn).padStart(6)}  ${pct(s.fix, s.tp).padStart(9)}`,
    );
    if (split === "heldout" && (p < 0.97 || rc < 0.85)) ok = false;
  }
}
// readability fires on none of these short sentences unless they are long: report the count
const readab = found.reduce((n, fs) => n + fs.filter((f) => f.rule === "readability").length, 0);
console.log(`readability findings on the dev set: ${readab} (sentences are 6-30 words; info level)`);
console.log(ok ? "targets met (held-out precision >= 97%, recall >= 85%)" : "TARGETS MISSED on held-out");

// --debian-po: false-alarm check on unseen professional Dutch: the msgstr
// sentences of the Dutch translations installed on this machine
// (/usr/share/locale/nl/LC_MESSAGES/*.mo, via gettext's msgunfmt). Every
// finding is listed for review; most should be real errors in the translations.
if (args.includes("--debian-po")) {
  const { readdirSync } = await import("node:fs");
  const dir = "/usr/share/locale/nl/LC_MESSAGES";
  const sents = new Set();
  for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith(".mo")).sort() : []) {
    const r = spawnSync("msgunfmt", [`${dir}/${f}`], { encoding: "utf8", maxBuffer: 256 << 20 });
    if (r.status !== 0) continue;
    for (const m of r.stdout.matchAll(/msgstr(?:\[\d\])? "(.*)"\n((?:".*"\n)*)/g)) {
      let t = m[1] + [...m[2].matchAll(/"(.*)"/g)].map((x) => x[1]).join("");
      // drop printf/format placeholders whole (%lu, %1$s, {name}) and markup
      t = t.replace(/\\n|\\t/g, " ").replace(/\\"/g, '"').replace(/%[-#0-9.$]*[hlLqjzt]*[a-zA-Z%]|\{[^}]*\}|<[^>]*>|_/g, " ").trim();
      if (t.split(/\s+/).length >= 5 && !/[%\\]/.test(t)) sents.add(t.replace(/\s+/g, " "));
    }
  }
  const list = [...sents].sort();
  const res = viaDirect(list);
  let flagged = 0;
  res.forEach((fs, i) => {
    const mine = fs.filter((f) => RULES.includes(f.rule));
    if (!mine.length) return;
    flagged++;
    console.log(`  ${mine.map((f) => `${f.rule} "${list[i].slice(f.start, f.end)}" -> ${f.suggestion}`).join("; ")} | ${list[i].slice(0, 110)}`);
  });
  console.log(`debian-po: ${flagged} of ${list.length} translated sentences flagged (review: true errors or false alarms)`);
}
process.exit(ok ? 0 : 1);
