// A tiny element builder for the vanilla fixture pages (Facebook, LinkedIn).
// Text always goes in as text nodes, never as HTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** Dutch relative time the way Facebook/LinkedIn show it. */
export function ago(iso, style) {
  const now = Date.UTC(2026, 2, 2, 9, 30, 0);
  const min = Math.max(1, Math.round((now - Date.parse(iso)) / 60000));
  if (style === 'linkedin') return min < 60 ? `${min} min.` : min < 1440 ? `${Math.floor(min / 60)} u.` : `${Math.floor(min / 1440)} d.`;
  return min < 60 ? `${min} min.` : min < 1440 ? `${Math.floor(min / 60)} u.` : `${Math.floor(min / 1440)} d.`;
}
