// protocol.js — every message between content scripts / pages and the service
// worker, defined once. Requests are {kind, ...}; responses are {result} or
// {error:{code,message}} (classify-batch answers per item). The worker
// validates every request with validateRequest() before touching the engine.
export const KIND = Object.freeze({
  CLASSIFY_BATCH: 'classify-batch', // {items:[{key,text,site,reach?}]} -> {results:[{key,result}|{key,error}]}
  LINT: 'lint',                     // {request:{text, platform?, mention?, ...}} -> {result}|{error}
  ENGINE_STATUS: 'engine-status',   // {} -> {result:{loaded, loads, version, calls, lastError}}
});

export const LIMITS = Object.freeze({
  maxBatch: 64,             // items per classify-batch
  maxKeyLength: 512,        // UTF-16 units of an item key
  maxTextLength: 20000,     // UTF-16 units of one text (posts are far shorter)
  maxLintFields: 16,        // keys in a lint request
  maxReach: 1e12,           // reach hint of an item (likes + reposts + replies)
});

export const SITES = Object.freeze(['x', 'facebook', 'linkedin']);

export const ERROR = Object.freeze({
  BAD_MESSAGE: 'bad-message',
  ENGINE_LOAD: 'engine-load-failed',
  ENGINE: 'engine-error',
  UNAVAILABLE: 'worker-unavailable',
});

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const fail = (message) => ({ ok: false, error: { code: ERROR.BAD_MESSAGE, message } });

function validateItem(item, i) {
  if (!isPlainObject(item)) return `items[${i}] must be an object`;
  if (typeof item.key !== 'string' || item.key.length === 0 || item.key.length > LIMITS.maxKeyLength)
    return `items[${i}].key must be a non-empty string of at most ${LIMITS.maxKeyLength} characters`;
  if (typeof item.text !== 'string' || item.text.length > LIMITS.maxTextLength)
    return `items[${i}].text must be a string of at most ${LIMITS.maxTextLength} characters`;
  if (item.site !== undefined && !SITES.includes(item.site)) return `items[${i}].site is unknown`;
  if (item.reach !== undefined && (typeof item.reach !== 'number' || !Number.isFinite(item.reach)
                                  || item.reach < 0 || item.reach > LIMITS.maxReach))
    return `items[${i}].reach must be a number 0..${LIMITS.maxReach}`;
  return null;
}

function validateLint(request) {
  if (!isPlainObject(request)) return 'request must be an object';
  const keys = Object.keys(request);
  if (keys.length > LIMITS.maxLintFields) return 'request has too many fields';
  if (typeof request.text !== 'string' || request.text.length > LIMITS.maxTextLength)
    return `request.text must be a string of at most ${LIMITS.maxTextLength} characters`;
  if ('op' in request) return 'request.op is set by the worker';
  if (request.platform !== undefined && !SITES.includes(request.platform)) return 'request.platform is unknown';
  if (request.mention !== undefined && typeof request.mention !== 'string' && !isPlainObject(request.mention))
    return 'request.mention must be a string or an object';
  if (JSON.stringify(request).length > LIMITS.maxTextLength * 3) return 'request is too large';
  return null;
}

/** Checks an incoming message; returns {ok:true} or {ok:false, error}. */
export function validateRequest(msg) {
  if (!isPlainObject(msg)) return fail('message must be an object');
  switch (msg.kind) {
    case KIND.CLASSIFY_BATCH: {
      if (!Array.isArray(msg.items)) return fail('items must be an array');
      if (msg.items.length === 0 || msg.items.length > LIMITS.maxBatch)
        return fail(`items must hold 1..${LIMITS.maxBatch} entries`);
      for (let i = 0; i < msg.items.length; i++) {
        const why = validateItem(msg.items[i], i);
        if (why) return fail(why);
      }
      return { ok: true };
    }
    case KIND.LINT: {
      const why = validateLint(msg.request);
      return why ? fail(why) : { ok: true };
    }
    case KIND.ENGINE_STATUS:
      return { ok: true };
    default:
      return fail('unknown message kind');
  }
}

/** Builders, so senders never spell a kind by hand. */
export const classifyBatch = (items) => ({ kind: KIND.CLASSIFY_BATCH, items });
export const lintRequest = (request) => ({ kind: KIND.LINT, request });
export const engineStatus = () => ({ kind: KIND.ENGINE_STATUS });
