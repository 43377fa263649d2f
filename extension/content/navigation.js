// navigation.js — calls onChange(url) after SPA navigation. The isolated world
// cannot see history.pushState calls, so use the Navigation API where the
// browser has it, plus URL polling as the fallback that always works.
export function watchNavigation(onChange, { intervalMs = 500 } = {}) {
  let last = location.href;
  const check = () => {
    if (location.href !== last) {
      last = location.href;
      onChange(last);
    }
  };
  const nav = globalThis.navigation;
  const onNav = () => setTimeout(check, 0);
  nav?.addEventListener?.('navigatesuccess', onNav);
  nav?.addEventListener?.('currententrychange', onNav);
  addEventListener('popstate', onNav);
  const timer = setInterval(check, intervalMs);
  return () => {
    clearInterval(timer);
    nav?.removeEventListener?.('navigatesuccess', onNav);
    nav?.removeEventListener?.('currententrychange', onNav);
    removeEventListener('popstate', onNav);
  };
}
