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
import { createHistory } from '../lib/history.js';
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
  await history.load();
  document.documentElement.setAttribute('data-webcare-lens', adapter.site);
  const topFrame = window === window.top;
  const panel = topFrame ? new Panel() : null;
  const pipeline = createPipeline({ adapter, client: engineClient, panel, history,
                                    trainee: () => settings.traineeMode });
  pipeline.start();
  // Reply lint + pre-post gate (issue 7): composers found through the same adapter.
  const composers = createComposerWatcher({ adapter, client: engineClient });
  installGate({ adapter, watcher: composers });
  composers.start();
  watchNavigation(() => {
    pipeline.navigated();
    composers.scan();
  });
}

start();
