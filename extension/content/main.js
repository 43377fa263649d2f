// main.js — content script entry (bundled by esbuild into extension/dist/
// content.js, because MV3 content scripts cannot be ES modules). Picks the
// site adapter, starts the badge pipeline and the priority panel.
import { adapterFor } from '../adapters/index.js';
import { Panel } from '../ui/panel.js';
import { engineClient } from './engine-client.js';
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
  watchNavigation(() => pipeline.navigated());
}

start();
