// popup.js — the toolbar popup: the brand profile switch (one click, issue 12),
// a compact quick check, and links to the pages.
import { loadProfiles, onProfilesChanged, setActiveProfile } from '../lib/profiles.js';
import { startChecker } from './checker.js';
import { $, h } from './common.js';

function renderProfiles(state) {
  const box = $('#profiles');
  box.hidden = state.profiles.length < 2;
  box.replaceChildren(...state.profiles.map((p) => {
    const on = p.id === state.active;
    const btn = h('button', { type: 'button', role: 'radio', class: 'profile', 'data-profile': p.id,
                              'aria-checked': String(on), tabindex: on ? '0' : '-1', text: p.name });
    btn.addEventListener('click', () => setActiveProfile(p.id));
    btn.addEventListener('keydown', (e) => {
      const dir = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if (!dir) return;
      e.preventDefault();
      const i = state.profiles.indexOf(p);
      const next = state.profiles[(i + dir + state.profiles.length) % state.profiles.length];
      setActiveProfile(next.id).then(() => box.querySelector(`[data-profile="${CSS.escape(next.id)}"]`)?.focus());
    });
    return btn;
  }));
  document.body.dataset.profile = state.active;
}

renderProfiles(await loadProfiles());
onProfilesChanged(renderProfiles);
startChecker({ source: 'popup', compact: true });
