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

function start() {
  const adapter = adapterFor(location.hostname);
  if (!adapter || document.documentElement.hasAttribute('data-webcare-lens')) return;
  document.documentElement.setAttribute('data-webcare-lens', adapter.site);
  const topFrame = window === window.top;
  const panel = topFrame ? new Panel() : null;
  const pipeline = createPipeline({ adapter, client: engineClient, panel });
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
