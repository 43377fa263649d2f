// webcare.mjs — the ES module binding the extension and the node tests import.
// It hides Emscripten: callers get an engine with call(request) -> response
// object, and errors as WebcareError. Every allocation is freed in finally.
// Plain classify requests skip JSON: the text is encoded into an input buffer
// the engine keeps, webcare__wasm_classify writes a fixed-layout result into
// an output buffer, and decodeClassify builds the same object the JSON answer
// parses to (tests/wasm/classify-fast.test.mjs checks that on the dataset).
import createWebcareCore from './webcare-core.mjs';

export class WebcareError extends Error {
  constructor(code, message, at) {
    super(message);
    this.name = 'WebcareError';
    this.code = code;
    if (at !== undefined) this.at = at;
  }
}

const encoder = new TextEncoder();

function wellFormed(_key, value) {
  return typeof value === 'string' && !value.isWellFormed() ? value.toWellFormed() : value;
}
const decoder = new TextDecoder();

// The fast classify path (webcare-wasm.c): uint32 words of its result, and the
// names behind its ids (same order as CUES there and wc_type_name / language).
const CLASSIFY_WORDS = 72;
const CLASSIFY_EVIDENCE = 8;
const CUES = ['lexicon', 'negation', 'sarcasm', 'question', 'phrase', 'emoji',
  'punctuation', 'profanity', 'elongation', 'hashtag', 'compound', 'word'];
const TYPES = ['happy', 'neutral', 'angry', 'question'];
const LANGUAGES = ['nl', 'en', 'other'];
// Texts up to this many UTF-16 units take the fast path (3 UTF-8 bytes per
// unit at most fit the input buffer); longer ones go through JSON.
const FAST_MAX_UNITS = 4096;
const FAST_IN_BYTES = FAST_MAX_UNITS * 3;

/** The options of a classify request the fast path serves: reach, or nothing. */
function fastReach(options) {
  if (options === undefined || options === null) return 0;
  if (typeof options !== 'object' || Array.isArray(options)) return -1;
  for (const k in options) if (k !== 'reach') return -1;
  const r = options.reach;
  if (r === undefined || r === null) return 0;
  return typeof r === 'number' && Number.isFinite(r) && r >= 0 ? r : -1;
}

/** Decodes the result words at w[base..] (see webcare__wasm_classify). */
function decodeClassify(w, base) {
  const n = w[base + 7];
  const evidence = new Array(n);
  for (let i = 0, e = base + CLASSIFY_EVIDENCE; i < n; i++, e += 4) {
    evidence[i] = { start: w[e], end: w[e + 1], cue: CUES[w[e + 2]], label: TYPES[w[e + 3]] };
  }
  const flags = w[base + 5];
  return {
    type: TYPES[w[base + 1]],
    confidence: w[base + 2] / 100,
    intensity: w[base + 3],
    language: LANGUAGES[w[base + 4]],
    profanity: (flags & 1) !== 0,
    sarcasm: (flags & 2) !== 0,
    priority: w[base + 6],
    evidence,
  };
}

/** Does object o have no fields but op/text (when `request`) and options?
 * Others (an id, a version) change the JSON answer, so JSON answers them. */
function onlyOptions(o, request) {
  if (o === null || typeof o !== 'object') return false;
  for (const k in o) if (k !== 'options' && !(request && (k === 'op' || k === 'text'))) return false;
  return true;
}

/**
 * Instantiate the core. In node pass { wasmBinary } (the bytes of
 * webcare.wasm); in the extension pass nothing (it is fetched next to this file).
 */
export async function createEngine(options = {}) {
  const moduleArgs = {};
  if (options.wasmBinary) moduleArgs.wasmBinary = options.wasmBinary;
  moduleArgs.locateFile = (path) => new URL(path === 'webcare-core.wasm' ? 'webcare.wasm' : path,
                                            options.baseUrl ?? import.meta.url).href;
  const core = await createWebcareCore(moduleArgs);
  const handle = core._webcare_engine_new();
  if (!handle) throw new WebcareError('no-memory', 'could not create the engine');
  let closed = false;
  // Buffers of the fast classify path, allocated once per engine.
  const fastIn = core._webcare__wasm_alloc(FAST_IN_BYTES);
  const fastOut = core._webcare__wasm_alloc(CLASSIFY_WORDS * 4);
  if (!fastIn || !fastOut) {
    core._webcare__wasm_dealloc(fastIn);
    core._webcare__wasm_dealloc(fastOut);
    core._webcare_engine_free(handle);
    throw new WebcareError('no-memory', 'could not create the engine');
  }

  /** Classify result object of text, or null when the JSON call must answer
   * (long text, NUL characters, options other than reach, or an error). */
  function classifyFast(text, options) {
    if (closed) throw new WebcareError('closed', 'engine was closed');
    if (typeof text !== 'string' || text.length > FAST_MAX_UNITS) return null;
    const reach = fastReach(options);
    // JSON carries U+0000 as an escape the core reads as U+FFFD: leave it to that path
    if (reach < 0 || text.includes('\0')) return null;
    const { written } = encoder.encodeInto(text, core.HEAPU8.subarray(fastIn, fastIn + FAST_IN_BYTES));
    const rc = core._webcare__wasm_classify(fastIn, written, reach, fastOut);
    if (rc !== 0) return null;
    return decodeClassify(core.HEAPU32, fastOut >>> 2); // fresh view: memory may have grown
  }

  /** Send one JSON request string; returns the JSON response string. */
  function callJson(json) {
    if (closed) throw new WebcareError('closed', 'engine was closed');
    const bytes = encoder.encode(json);
    const inPtr = core._webcare__wasm_alloc(bytes.length);
    let outPtr = 0;
    try {
      if (!inPtr) throw new WebcareError('no-memory', 'out of memory');
      core.HEAPU8.set(bytes, inPtr); // fresh view: memory may have grown
      outPtr = core._webcare_engine_call(handle, inPtr, bytes.length);
      if (!outPtr) throw new WebcareError('no-memory', 'out of memory');
      const heap = core.HEAPU8;
      const end = heap.indexOf(0, outPtr);
      return decoder.decode(heap.subarray(outPtr, end));
    } finally {
      core._webcare__wasm_dealloc(inPtr);
      if (outPtr) core._webcare_free(outPtr);
    }
  }

  /** Send a request object; returns the response object (errors included).
   * Lone surrogates become U+FFFD (same length, so offsets still match). */
  function call(request) {
    if (request?.op === 'classify' && onlyOptions(request, true)) {
      const result = classifyFast(request.text, request.options);
      if (result) return { v: 1, op: 'classify', result };
    }
    return JSON.parse(callJson(JSON.stringify(request, wellFormed)));
  }

  /** Like run({op: 'classify', text, ...extra}); the fast path when it can. */
  function classify(text, extra = {}) {
    if (onlyOptions(extra, false)) {
      const result = classifyFast(text, extra.options);
      if (result) return result;
    }
    return run({ op: 'classify', text, ...extra });
  }

  /** Like call, but returns `result` and throws WebcareError on an error response. */
  function run(request) {
    const resp = call(request);
    if (resp.error) throw new WebcareError(resp.error.code, resp.error.message, resp.error.at);
    return resp.result;
  }

  return {
    callJson,
    call,
    run,
    classify,
    lint: (text, context = {}) => run({ op: 'lint', text, ...context }),
    length: (text, platform = 'x') => run({ op: 'length', text, platform }),
    version: () => run({ op: 'version' }),
    /** Bytes of WASM memory (to check that the heap stays flat). */
    heapBytes: () => core.HEAPU8.length,
    close() {
      if (!closed) {
        core._webcare__wasm_dealloc(fastIn);
        core._webcare__wasm_dealloc(fastOut);
        core._webcare_engine_free(handle);
      }
      closed = true;
    },
  };
}
