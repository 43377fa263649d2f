// engine-client.js — the content script's side of protocol.js. Sends a
// message to the service worker and retries when the worker was stopped
// (Chrome closes the port of a message in flight) or is starting up.
import { contextAlive, sendMessage } from '../lib/browser.js';
import { ERROR, classifyBatch, lintRequest } from '../protocol.js';

const RETRY_DELAYS_MS = [50, 250, 1000];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function send(message) {
  let lastError = null;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (!contextAlive()) return { error: { code: ERROR.UNAVAILABLE, message: 'de extensie is bijgewerkt of uitgeschakeld; herlaad de pagina' } };
    try {
      const resp = await sendMessage(message);
      if (resp && typeof resp === 'object') return resp;
      lastError = new Error('no answer from the service worker');
    } catch (err) {
      lastError = err;
    }
    if (attempt < RETRY_DELAYS_MS.length) await sleep(RETRY_DELAYS_MS[attempt]);
  }
  return { error: { code: ERROR.UNAVAILABLE, message: String(lastError?.message ?? lastError) } };
}

export const engineClient = {
  /** items [{key,text,site}] -> {results:[...]} | {error} */
  classifyBatch: (items) => send(classifyBatch(items)),
  /** request {text, platform, mention?...} -> {result} | {error} */
  lint: (request) => send(lintRequest(request)),
};
