// helpers.mjs — shared by the node:test files: load the WASM engine and run the native CLI.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const nativeCli = path.join(root, 'build/webcare');
const enginePath = path.join(root, 'extension/engine/webcare.mjs');
const wasmPath = path.join(root, 'extension/engine/webcare.wasm');

export async function loadEngine() {
  const { createEngine } = await import(enginePath);
  return createEngine({ wasmBinary: readFileSync(wasmPath) });
}

export async function loadBinding() {
  return import(enginePath);
}

/** Runs request lines through `webcare call`; returns the response lines. */
export function nativeCall(lines) {
  const out = execFileSync(nativeCli, ['call'], {
    input: lines.join('\n') + '\n',
    maxBuffer: 1 << 28,
  }).toString('utf8');
  return out.split('\n').filter((l) => l.length > 0);
}

/** Like nativeCall but tolerates exit status 1/2 (error findings or bad lines). */
export function nativeCallAny(lines) {
  try {
    return nativeCall(lines);
  } catch (e) {
    if (e.stdout) return e.stdout.toString('utf8').split('\n').filter((l) => l.length > 0);
    throw e;
  }
}

export function readLines(file) {
  return readFileSync(path.join(root, file), 'utf8').split('\n').filter((l) => l.length > 0);
}

/** A small seeded PRNG (mulberry32): the same sequence on every run, for
 * generated test inputs, bench corpora and demo data. Returns () => [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
