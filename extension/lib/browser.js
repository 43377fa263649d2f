// browser.js — the one place that knows Chrome from Firefox. Everything else
// imports `ext` (the WebExtension namespace) and `sendMessage` from here.
export const ext = globalThis.browser?.runtime ? globalThis.browser : globalThis.chrome;

/** Promise-returning runtime.sendMessage on both browsers. */
export function sendMessage(message) {
  if (!ext?.runtime?.sendMessage) return Promise.reject(new Error('extension context is gone'));
  return ext.runtime.sendMessage(message);
}

/** The URL of a file inside the extension (root = folder of manifest.json). */
export function extensionUrl(path) {
  return ext.runtime.getURL(path);
}

/** True while this content script still belongs to a live extension
 * (false after the extension was reloaded or removed). */
export function contextAlive() {
  try {
    return Boolean(ext?.runtime?.id);
  } catch {
    return false;
  }
}

/** chrome.storage.local, or null where there is none (tests, a dead context). */
export function localStorageArea() {
  try {
    return ext?.storage?.local ?? null;
  } catch {
    return null;
  }
}
