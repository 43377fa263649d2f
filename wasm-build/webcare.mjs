// webcare.mjs — the ES module binding the extension and the node tests import.
// It hides Emscripten: callers get an engine with call(request) -> response
// object, and errors as WebcareError. Every allocation is freed in finally.
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
    return JSON.parse(callJson(JSON.stringify(request, wellFormed)));
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
    classify: (text, extra = {}) => run({ op: 'classify', text, ...extra }),
    lint: (text, context = {}) => run({ op: 'lint', text, ...context }),
    length: (text, platform = 'x') => run({ op: 'length', text, platform }),
    version: () => run({ op: 'version' }),
    /** Bytes of WASM memory (to check that the heap stays flat). */
    heapBytes: () => core.HEAPU8.length,
    close() {
      if (!closed) core._webcare_engine_free(handle);
      closed = true;
    },
  };
}
