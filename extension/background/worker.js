// worker.js — the MV3 service worker (a module; Firefox runs it as a module
// background script). It hosts the engine and answers the messages of
// protocol.js. The listener is registered synchronously at start-up so a
// message that wakes a stopped worker is not lost.
import { createEngine } from '../engine/webcare.mjs';
import { ext } from '../lib/browser.js';
import { KIND, validateRequest } from '../protocol.js';
import { createEngineHost } from './engine-host.js';

async function loadEngine() {
  // Fetch the bytes ourselves: works the same in Chrome's service worker and
  // Firefox's background page, whatever Emscripten thinks the environment is.
  const url = new URL('../engine/webcare.wasm', import.meta.url);
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`cannot read ${url.pathname}: HTTP ${resp.status}`);
  return createEngine({ wasmBinary: new Uint8Array(await resp.arrayBuffer()) });
}

const host = createEngineHost({ loadEngine });

const HANDLERS = {
  [KIND.CLASSIFY_BATCH]: (msg) => host.classifyBatch(msg.items),
  [KIND.LINT]: (msg) => host.lint(msg.request),
  [KIND.ENGINE_STATUS]: () => host.status(),
};

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  const check = validateRequest(msg);
  if (!check.ok) {
    sendResponse({ error: check.error });
    return false;
  }
  // new Promise(): a handler that throws synchronously still gets an answer.
  new Promise((resolve) => resolve(HANDLERS[msg.kind](msg))).then(sendResponse, (err) =>
    sendResponse({ error: { code: 'worker-error', message: String(err?.message ?? err) } }),
  );
  return true; // answer asynchronously
});

// For tests and the demo (worker.evaluate): the host of this worker instance.
globalThis.webcareHost = host;
