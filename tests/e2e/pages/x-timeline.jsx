// X's virtualised timeline: only the cells near the viewport are in the DOM,
// absolutely positioned with translateY. Cells are keyed by slot
// (index % POOL), so when the window moves the SAME cellInnerDiv node is
// reused for another tweet, as on x.com.
import React, { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, forwardRef } from 'react';
import { flushSync } from 'react-dom';

export const POOL = 8;
const OVERSCAN = 250;
const HEADER = 106;

function estimate(item) {
  if (item.type === 'composer') return 160;
  if (item.type === 'notification') return 90;
  const lines = Math.ceil(((item.post && item.post.text) || '').length / 60);
  return 96 + lines * 20 + (item.post && item.post.media ? 320 : 0);
}

function layout(items, heights) {
  const pos = [];
  let y = 0;
  for (const it of items) {
    pos.push(y);
    y += heights.get(it.key) || estimate(it);
  }
  return { pos, total: y };
}

export const VirtualTimeline = forwardRef(function VirtualTimeline({ label, heading, headingId, items, renderItem }, ref) {
  const listRef = useRef(null);
  const cellRefs = useRef(new Map());
  const heights = useRef(new Map());
  const [range, setRange] = useState({ start: 0, end: Math.min(items.length, POOL) });
  const [, setVersion] = useState(0);
  const rangeRef = useRef(range);
  rangeRef.current = range;

  const compute = useCallback(() => {
    const el = listRef.current;
    if (!el) return { start: 0, end: 0 };
    const { pos } = layout(items, heights.current);
    const top = el.getBoundingClientRect().top;
    const lo = -top - OVERSCAN;
    const hi = -top + window.innerHeight + OVERSCAN;
    let start = 0;
    while (start < items.length - 1 && pos[start] + (heights.current.get(items[start].key) || estimate(items[start])) < lo) start += 1;
    let end = start;
    while (end < items.length && end - start < POOL && (end === start || pos[end] < hi)) end += 1;
    return { start, end };
  }, [items]);

  const refresh = useCallback(() => {
    const next = compute();
    setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
  }, [compute]);

  useEffect(() => {
    const onScroll = () => refresh();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [refresh]);

  // Re-measure when a cell changes size later (fonts, images), like X does.
  const observer = useRef(null);
  if (!observer.current && typeof ResizeObserver !== 'undefined') {
    observer.current = new ResizeObserver(() => setVersion((v) => v + 1));
  }
  useEffect(() => () => observer.current && observer.current.disconnect(), []);

  // Items changed (new posts, navigation): recompute the window.
  useLayoutEffect(() => { refresh(); }, [items, refresh]);

  // Measure rendered cells; re-layout when a height differs from the estimate.
  useLayoutEffect(() => {
    let changed = false;
    for (let i = range.start; i < range.end && i < items.length; i += 1) {
      const el = cellRefs.current.get(i % POOL);
      if (!el) continue;
      const h = el.offsetHeight;
      if (h && heights.current.get(items[i].key) !== h) {
        heights.current.set(items[i].key, h);
        changed = true;
      }
    }
    if (changed) {
      setVersion((v) => v + 1);
      refresh();
    }
  });

  useImperativeHandle(ref, () => ({
    /** Scroll so item n is at the top (under the sticky header); DOM updated on return. */
    scrollTo(n) {
      const el = listRef.current;
      if (!el) return null;
      const idx = Math.max(0, Math.min(items.length - 1, n));
      const { pos } = layout(items, heights.current);
      const listTop = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, listTop + pos[idx] - HEADER));
      for (let k = 0; k < 4; k += 1) {
        const next = compute();
        flushSync(() => setRange((r) => (r.start === next.start && r.end === next.end ? r : next)));
      }
      return idx;
    },
    range: () => ({ ...rangeRef.current }),
    count: () => items.length,
  }), [items, compute]);

  const { pos, total } = layout(items, heights.current);
  const cells = [];
  for (let i = range.start; i < range.end && i < items.length; i += 1) {
    const slot = i % POOL;
    const item = items[i];
    cells.push(
      <div key={slot} data-testid="cellInnerDiv"
        ref={(node) => {
          if (node) {
            cellRefs.current.set(slot, node);
            if (observer.current) observer.current.observe(node);
          } else {
            cellRefs.current.delete(slot);
          }
        }}
        style={{ transform: `translateY(${pos[i]}px)`, position: 'absolute', width: '100%' }}>
        <div className="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l">
          <div className="css-175oi2r">{renderItem(item)}</div>
        </div>
      </div>,
    );
  }

  return (
    <section aria-labelledby={headingId} role="region" className="css-175oi2r">
      <h1 dir="ltr" aria-level="1" role="heading" id={headingId}
        className="css-146c3p1 r-4iw3lz r-1xk2f4g r-109y4c4 r-1udh08x r-wwvuq4 r-u8s1d r-92ng3h">{heading}</h1>
      <div aria-label={label} className="css-175oi2r">
        <div ref={listRef} style={{ position: 'relative', minHeight: total }}>
          {cells}
        </div>
      </div>
    </section>
  );
});
