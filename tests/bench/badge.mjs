#!/usr/bin/env node
// badge.mjs — browser bench for the badges (issue 9; not a test): Chromium
// with the extension on the facebook.com fixture (no virtualised timeline, so
// every added post stays in the DOM). After the first posts are badged, 200
// posts (texts from tests/bench/corpus/mentions.jsonl) are appended in one
// go with window.__fixture.addPosts, and we time, inside the page:
//   posts in DOM -> first new post seen by the extension (data-webcare-state)
//   posts in DOM -> all 200 badged (data-webcare-type set; includes the
//     pipeline's MutationObserver throttle, the batched round trips to the
//     service worker's engine and the badge shadow roots).
// Baseline (the "peer" figure): the same page in a Chromium without the
// extension, posts in DOM -> the second animation frame after (the page's own
// style, layout and paint of the 200 posts).
// Runs --runs times (fresh page each), reports the median and every run.
//   node tests/bench/badge.mjs [--posts 200] [--runs 3] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchWithExtension, CHROMIUM } from '../e2e/lib/browser.mjs';
import { serveFixtures, SITES } from '../e2e/lib/fixtures.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || def : def);
const POSTS = opt('--posts', 200);
const RUNS = opt('--runs', 3);
const JSON_OUT = args.includes('--json');

const NAMES = ['Sanne de Vries', 'Mark Jansen', 'Fatima El Amrani', 'Jeroen Bakker', 'Lotte Visser', 'Ahmed Yilmaz'];
const specs = readFileSync(path.join(HERE, 'corpus/mentions.jsonl'), 'utf8').split('\n').filter(Boolean)
  .slice(0, POSTS).map((l, i) => ({ text: JSON.parse(l).text, name: NAMES[i % NAMES.length],
                                   handle: `bench${i}`, expectedType: 'neutral' }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function oneRun(context) {
  const page = await context.newPage();
  try {
    await page.goto(SITES.facebook);
    await page.waitForFunction(() => window.__fixture && document.documentElement.hasAttribute('data-webcare-lens'),
                               null, { timeout: 20000 });
    // the first screen is badged and nothing is pending
    await page.waitForFunction(() => document.querySelector('[data-webcare-type]')
      && !document.querySelector('[data-webcare-state="pending"]'), null, { timeout: 20000 });
    return await page.evaluate(async (list) => {
      const before = new Set(document.querySelectorAll('[data-webcare-state]'));
      const a0 = performance.now();
      window.__fixture.addPosts(list);
      const t0 = performance.now();
      const want = list.length;
      let seen = null;
      const done = await new Promise((resolve, reject) => {
        const check = () => {
          const els = [...document.querySelectorAll('[data-webcare-state]')].filter((el) => !before.has(el));
          if (seen === null && els.length) seen = performance.now();
          const n = els.filter((el) => el.hasAttribute('data-webcare-type')).length;
          if (n >= want) {
            mo.disconnect();
            resolve(performance.now());
          }
        };
        const mo = new MutationObserver(check);
        mo.observe(document.documentElement, { subtree: true, attributes: true,
                                               attributeFilter: ['data-webcare-state', 'data-webcare-type'] });
        setTimeout(() => { mo.disconnect(); reject(new Error(`not all ${want} posts badged within 30 s`)); }, 30000);
      });
      return { addPostsMs: t0 - a0, firstSeenMs: seen - t0, allBadgedMs: done - t0 };
    }, specs);
  } finally {
    await page.close();
  }
}

/** Posts in DOM -> second animation frame, in a Chromium without the extension. */
async function baseline() {
  const plain = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--headless=new'] });
  try {
    const context = await plain.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await serveFixtures(context, { strictCsp: true });
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      await page.goto(SITES.facebook);
      await page.waitForFunction(() => window.__fixture, null, { timeout: 20000 });
      times.push(await page.evaluate(async (list) => {
        window.__fixture.addPosts(list);
        const t0 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      }, specs));
      await page.close();
    }
    return { settledMs: median(times), runs: times };
  } finally {
    await plain.close();
  }
}

const base = await baseline();
const browser = await launchWithExtension();
try {
  await serveFixtures(browser.context, { strictCsp: true });
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser.context));
  const out = {
    site: 'facebook', posts: specs.length, runs,
    allBadgedMs: median(runs.map((r) => r.allBadgedMs)),
    firstSeenMs: median(runs.map((r) => r.firstSeenMs)),
    budget: { allBadgedMs: 50 },
    pageAlone: base,
  };
  out.budget.ok = out.allBadgedMs <= 50;
  if (JSON_OUT) console.log(JSON.stringify(out));
  else {
    console.log(`badge bench (Chromium, facebook.com fixture, ${out.posts} posts appended, ${RUNS} runs)`);
    console.log(`  posts in DOM -> first seen by the extension  ${out.firstSeenMs.toFixed(1)} ms`);
    console.log(`  posts in DOM -> all badged                   ${out.allBadgedMs.toFixed(1)} ms (budget 50 ms: ${out.budget.ok ? 'ok' : 'OVER'})`);
    console.log(`  without the extension: posts in DOM -> 2nd frame  ${base.settledMs.toFixed(1)} ms`);
  }
} finally {
  await browser.close();
}
