// index.js — picks the adapter for a hostname (null: not a supported site).
import facebook from './facebook.js';
import linkedin from './linkedin.js';
import x from './x.js';

export const ADAPTERS = [x, facebook, linkedin];

export function adapterFor(hostname) {
  const host = String(hostname).toLowerCase();
  return ADAPTERS.find((a) => a.hostnames.some((h) => host === h || host.endsWith('.' + h))) ?? null;
}
