// main.js — content script entry (bundled by esbuild into extension/dist/
// content.js, because MV3 content scripts cannot be ES modules). Picks the
// site adapter, starts the badge pipeline and the priority panel.
import { adapterFor } from '../adapters/index.js';
import { Panel } from '../ui/panel.js';
import { createComposerWatcher } from './composer.js';
import { engineClient } from './engine-client.js';
import { installGate } from './gate.js';
import { watchNavigation } from './navigation.js';
import { createPipeline } from './pipeline.js';
import { createCustomerMemory } from '../lib/customers.js';
import { createHistory } from '../lib/history.js';
import { applyProfile, loadProfiles, onProfilesChanged, pickProfile } from '../lib/profiles.js';
import { loadSettings, watchSettings } from '../lib/settings.js';

async function start() {
  const adapter = adapterFor(location.hostname);
  if (!adapter || document.documentElement.hasAttribute('data-webcare-lens')) return;
  // Options page: Webcare Lens off for this site (applies on the next page load).
  let { settings } = await loadSettings();
  if (settings.enabled[adapter.site] === false || document.documentElement.hasAttribute('data-webcare-lens')) return;
  watchSettings((next) => {
    settings = next.settings;
  });
  // Local history per author (issue 8): persona on the badge, KPIs on the stats page.
  const history = createHistory({ retentionDays: () => settings.retentionDays });
  // Customer memory (issue 12): timeline across sites, lists, promises, hints.
  const customers = createCustomerMemory({ retentionDays: () => settings.retentionDays });
  await Promise.all([history.load(), customers.load()]);
  // Brand profile (issue 12): the one claiming the account posting on this page,
  // else the one chosen in the popup. <html data-webcare-profile="id"> shows it.
  let profiles = await loadProfiles();
  let active = pickProfile(profiles).profile;
  const html = document.documentElement;
  html.setAttribute('data-webcare-lens', adapter.site);
  const topFrame = window === window.top;
  const panel = topFrame ? new Panel() : null;
  const pipeline = createPipeline({ adapter, client: engineClient, panel, history, customers,
                                    trainee: () => settings.traineeMode, profile: () => active.id });
  // Reply lint + pre-post gate (issue 7): composers found through the same adapter.
  const composers = createComposerWatcher({
    adapter, client: engineClient,
    resolveSettings: (s) => applyProfile(s, active),
    hintsFor: (session) => {
      const m = session.mention;
      if (!m?.author) return [];
      const ev = m.key ? customers.events.find((e) => e.id === `m:${m.key}`) : null;
      return customers.view(adapter.site, m.author, m.key ?? null,
                            { type: m.type, text: m.text, profanity: ev?.profanity === true })?.hints ?? [];
    },
  });
  function refreshProfile() {
    const picked = pickProfile(profiles, adapter.site, composers.reader.account());
    html.setAttribute('data-webcare-profile', picked.profile.id);
    html.setAttribute('data-webcare-profile-via', picked.via);
    if (picked.profile === active) return;
    active = picked.profile;
    composers.refreshSettings();
  }
  refreshProfile();
  onProfilesChanged((next) => {
    profiles = next;
    active = null;
    refreshProfile();
  });
  watchSettings(() => refreshProfile());
  // The reply went out: our side of the timeline, the promise in it, the
  // response time, and a checked reply in the stats (source: composer).
  const onPosted = (session, how) => {
    const m = session.mention;
    const findings = session.fresh ? (session.result?.findings ?? []) : [];
    const rules = [...new Set(findings.map((f) => f.rule))];
    const score = session.fresh ? Math.round(session.result?.score ?? 0) : null;
    const empty = findings.find((f) => f.rule === 'empty-promise' && f.end > f.start);
    const vague = empty ? session.text.slice(empty.start, empty.end) : null;
    const ev = m?.author ? customers.recordReply({ site: adapter.site, mention: m, text: session.text, rules, score,
                                                   profile: active.id, gate: how, vague }) : null;
    if (score !== null) {
      history.recordCheck({ site: adapter.site, source: 'composer', score, rules, mtype: m?.type ?? null,
                            profile: active.id, account: ev?.account });
    }
    customers.flush();
  };
  installGate({ adapter, watcher: composers, onPosted });
  customers.onChange(() => {
    pipeline.refreshCustomers();
    composers.renderCard();
  });
  pipeline.start();
  composers.start();
  // The account marker may render after us (SPA) or change (account switch): cheap re-check.
  setInterval(refreshProfile, 2000);
  watchNavigation(() => {
    pipeline.navigated();
    composers.scan();
    refreshProfile();
  });
}

start();
