// pages-data.mjs — deterministic demo data for the pages (screenshots, stats
// e2e): a month of classified mentions and checked replies, as the content
// script and the pages store them (extension/lib/history.js).
import { mulberry32 } from '../wasm/helpers.mjs';

const DAY = 86400000;
const TYPES = ['angry', 'question', 'neutral', 'happy'];

export function demoStorage(now, { days = 30, seed = 7 } = {}) {
  const r = mulberry32(seed);
  const mentions = [];
  const checks = [];
  const sites = ['x', 'facebook', 'linkedin'];
  const rules = ['greeting', 'sign-off', 'empathy-first', 'empty-promise', 'thanks', 'condescending', 'privacy', 'jargon'];
  let n = 0;
  for (let d = days - 1; d >= 0; d--) {
    const count = 6 + Math.floor(r() * 10);
    for (let i = 0; i < count; i++) {
      const ts = now - d * DAY - Math.floor(r() * 8 * 3600000);
      const x = r();
      const trend = d / days; // angrier a month ago, happier now
      const type = x < 0.18 + 0.2 * trend ? 'angry' : x < 0.45 ? 'question' : x < 0.7 ? 'neutral' : 'happy';
      const site = sites[Math.floor(r() * 3)];
      const author = `${site === 'x' ? '@' : ''}klant${10 + Math.floor(r() * 60)}`;
      mentions.push({ ts, site, author, type, key: `${site}:${n++}:demo` });
    }
    const nc = 3 + Math.floor(r() * 6);
    for (let i = 0; i < nc; i++) {
      const score = Math.round(55 + (1 - d / days) * 30 + r() * 15);
      const rs = rules.filter(() => r() < 0.22 + 0.2 * (d / days));
      checks.push({ ts: now - d * DAY - Math.floor(r() * 8 * 3600000), site: sites[i % 3],
                    source: ['composer', 'quick-check', 'practice'][i % 3], score: Math.min(100, score), rules: rs,
                    mtype: TYPES[Math.floor(r() * 4)] });
    }
  }
  // A fan who is angry today (persona "tijdelijk boos" on the badge demo).
  for (const [d, type] of [[20, 'happy'], [12, 'happy'], [5, 'neutral']]) {
    mentions.push({ ts: now - d * DAY, site: 'x', author: '@klant7', type, key: `x:fan${d}:demo` });
  }
  mentions.sort((a, b) => a.ts - b.ts);
  checks.sort((a, b) => a.ts - b.ts);
  return {
    'webcare.settings': { agent: 'Sanne', style: 'je', traineeMode: false, retentionDays: 90 },
    'webcare.history': { v: 1, mentions },
    'webcare.checks': { v: 1, checks },
  };
}
