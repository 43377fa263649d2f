// engine-host.js — owns the one WASM engine of the extension. The engine is
// instantiated lazily on the first request and again after the service worker
// was stopped and restarted (module state is gone then). A WASM trap drops the
// instance so the next request gets a fresh one. Every failure becomes
// {error:{code,message}} for the caller; nothing throws out of this module.
import { ERROR } from '../protocol.js';

function toError(err, fallbackCode) {
  return {
    code: typeof err?.code === 'string' ? err.code : fallbackCode,
    message: String(err?.message ?? err ?? 'unknown error').slice(0, 500),
  };
}

/**
 * @param {{ loadEngine: () => Promise<object>, now?: () => number, clock?: () => number }} deps
 *   loadEngine resolves to an engine from createEngine() (webcare.mjs); now: wall clock (ms);
 *   clock: a fine clock for stats.busyMs (performance.now).
 */
export function createEngineHost({ loadEngine, now = () => Date.now(),
                                  clock = () => globalThis.performance?.now() ?? Date.now() }) {
  let pending = null; // Promise<engine> while loading or loaded
  // busyMs: time spent in engine calls (classify and lint), for the benches.
  const stats = { loads: 0, calls: 0, errors: 0, lastError: null, loadMs: null, version: null, busyMs: 0 };

  function engine() {
    if (!pending) {
      const t0 = now();
      pending = loadEngine().then(
        (eng) => {
          stats.loads++;
          stats.loadMs = now() - t0;
          try {
            stats.version = eng.version().version;
          } catch {
            stats.version = null;
          }
          return eng;
        },
        (err) => {
          pending = null; // try again on the next request
          stats.lastError = toError(err, ERROR.ENGINE_LOAD);
          throw Object.assign(new Error(stats.lastError.message), { code: ERROR.ENGINE_LOAD });
        },
      );
    }
    return pending;
  }

  /** Runs one request; a thrown exception (trap) discards the instance. */
  function callOnce(eng, request) {
    stats.calls++;
    try {
      const resp = eng.call(request);
      if (resp.error) {
        stats.errors++;
        return { error: toError(resp.error, ERROR.ENGINE) };
      }
      return { result: resp.result };
    } catch (err) {
      stats.errors++;
      stats.lastError = toError(err, ERROR.ENGINE);
      try {
        eng.close();
      } catch {
        /* already broken */
      }
      pending = null;
      return { error: stats.lastError };
    }
  }

  async function withEngine(fn) {
    let eng;
    try {
      eng = await engine();
    } catch (err) {
      return { error: toError(err, ERROR.ENGINE_LOAD) };
    }
    const t0 = clock();
    try {
      return fn(eng);
    } finally {
      stats.busyMs += clock() - t0;
    }
  }

  return {
    /** items: [{key,text,site,reach?}] -> {results:[{key,result}|{key,error}]}; reach scales priority. */
    classifyBatch(items) {
      return withEngine((eng) => ({
        results: items.map(({ key, text, reach }) => ({ key, ...callOnce(eng, reach === undefined
          ? { op: 'classify', text } : { op: 'classify', text, options: { reach } }) })),
      }));
    },

    /** request: {text, platform?, mention?, ...} -> {result}|{error} */
    lint(request) {
      return withEngine((eng) => callOnce(eng, { ...request, op: 'lint' }));
    },

    status() {
      return { result: { loaded: pending !== null && stats.loads > 0, ...stats } };
    },
  };
}
