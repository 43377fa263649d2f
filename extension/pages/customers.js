// customers.js (page) — the customer memory (issue 12): every customer with a
// timeline across X, Facebook and LinkedIn (their mentions and our replies),
// open promises (mark done), lists (criticasters, journalisten, VIP,
// merkambassadeurs, own lists), linking accounts of one person by hand,
// "vergeet deze klant" (erasure), export and "alles wissen". All data comes
// from lib/customers.js in chrome.storage.local; nothing leaves the browser.
// ?account=x:@piet opens that customer.
import { ext } from '../lib/browser.js';
import { PERSONAS } from '../lib/history.js';
import {
  CUSTOMERS_KEY, TIMELINE_KEY, addList, allCustomers, customerName, customerOf, customerView, deleteAllCustomers,
  exportCustomers, forgetCustomer, formatDuration, linkAccounts, readCustomers, removeList, renameCustomer,
  setListMember, setPromiseDone, splitAccount, unlinkAccount,
} from '../lib/customers.js';
import { loadProfiles } from '../lib/profiles.js';
import { dueLabel, promiseState } from '../lib/promises.js';
import { typeInfo } from '../ui/labels.js';
import { $, download, h, markNav, platformLabel } from './common.js';

const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const SHORT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short' });
let data = { state: { customers: [], lists: [] }, events: [] };
let selected = new URLSearchParams(location.search).get('account');
let statusTimer = null;

function say(text, kind = 'ok') {
  const st = $('#status');
  st.textContent = text;
  st.dataset.kind = kind;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    st.textContent = '';
  }, 4000);
}

const accountLabel = (a) => {
  const { site, name } = splitAccount(a);
  return `${name} (${platformLabel(site)})`;
};

function customersSorted() {
  const list = allCustomers(data.state, data.events);
  const lastTs = new Map();
  for (const e of data.events) {
    const c = customerOf(data.state, e.account);
    lastTs.set(c.id, Math.max(lastTs.get(c.id) ?? 0, e.ts));
  }
  return list.map((c) => ({ c, last: lastTs.get(c.id) ?? 0 })).sort((a, b) => b.last - a.last);
}

function renderLists() {
  const filter = $('#list-filter');
  const cur = filter.value;
  filter.replaceChildren(h('option', { value: '', text: 'Alle klanten' }),
    ...data.state.lists.map((l) => h('option', { value: l.id, text: l.name })));
  filter.value = data.state.lists.some((l) => l.id === cur) ? cur : '';
  $('#lists').replaceChildren(...data.state.lists.map((l) => {
    const n = data.state.customers.filter((c) => c.lists.includes(l.id)).length;
    return h('li', { 'data-list': l.id }, h('span', { text: l.name }), h('span', { class: 'muted', text: String(n) }),
      h('button', { type: 'button', class: 'btn small', 'aria-label': `Lijst ${l.name} verwijderen`, text: 'Verwijder',
                    onclick: async () => {
                      await removeList(l.id);
                      say(`Lijst “${l.name}” verwijderd`);
                    } }));
  }));
}

function renderList() {
  const q = $('#q').value.trim().toLowerCase();
  const list = $('#list-filter').value;
  const rows = customersSorted().filter(({ c }) => (!list || c.lists.includes(list))
    && (!q || customerName(c, data.events).toLowerCase().includes(q) || c.accounts.some((a) => a.toLowerCase().includes(q))));
  if (!selected && rows.length) selected = rows[0].c.accounts[0];
  const sel = selected ? customerOf(data.state, selected) : null;
  $('#customers').replaceChildren(...rows.slice(0, 300).map(({ c, last }) => {
    const v = customerView(data.state, data.events, c.accounts[0]);
    const open = v.promises.filter((p) => p.state !== 'done');
    return h('li', {}, h('button', {
      type: 'button', class: 'cust-item', 'data-account': c.accounts[0], 'aria-current': sel?.id === c.id ? 'true' : 'false',
      onclick: () => {
        selected = c.accounts[0];
        render();
      },
    }, h('span', { class: 'name', text: customerName(c, data.events) }), h('span', { class: 'when', text: last ? SHORT.format(new Date(last)) : '' }),
    h('span', { class: 'meta' }, ...c.accounts.map((a) => h('span', { class: 'tag', text: platformLabel(splitAccount(a).site) })),
      ...c.lists.map((id) => h('span', { class: 'tag', 'data-list': id, text: data.state.lists.find((l) => l.id === id)?.name ?? id })),
      open.length ? h('span', { class: 'promise-dot', 'data-state': open.some((p) => p.state === 'overdue') ? 'overdue' : 'open',
                                text: `${open.length} open belofte${open.length === 1 ? '' : 's'}` }) : null)));
  }));
  $('#count').textContent = rows.length ? `${rows.length} klant${rows.length === 1 ? '' : 'en'}` : '';
  if (!rows.length) $('#customers').replaceChildren(h('li', {}, h('p', { class: 'empty-state', text: 'Nog geen klanten. Ze verschijnen zodra Webcare Lens vermeldingen op X, Facebook of LinkedIn badget.' })));
}

function timelineItem(e) {
  const head = e.kind === 'mention'
    ? [h('span', { class: 'pill', 'data-type': e.type, text: typeInfo(e.type).label }), h('span', { class: 'tag', text: platformLabel(e.site) }),
       h('span', { class: 'muted', text: e.name ?? splitAccount(e.account).name }), e.profanity ? h('span', { class: 'tag', text: 'grof taalgebruik' }) : null]
    : [h('strong', { text: 'Ons antwoord' }), h('span', { class: 'tag', text: platformLabel(e.site) }),
       e.responseMs !== null ? h('span', { class: 'tag', 'data-response': String(e.responseMs), text: `reactietijd ${formatDuration(e.responseMs)}` }) : null,
       e.score !== null ? h('span', { class: 'muted', text: `score ${e.score}` }) : null,
       e.profile && e.profile !== 'default' ? h('span', { class: 'muted', text: `merk: ${profileNames.get(e.profile) ?? e.profile}` }) : null];
  return h('li', { 'data-kind': e.kind, 'data-site': e.site, 'data-id': e.id },
    h('span', { class: 'when', text: DATE.format(new Date(e.ts)) }),
    h('div', { class: 'what' }, h('div', { class: 'head' }, ...head), e.text ? h('p', { class: 'text', text: e.text }) : null));
}

function renderDetail() {
  const box = $('#detail');
  if (!selected) {
    box.replaceChildren(h('div', { class: 'card' }, h('p', { class: 'empty-state', text: 'Kies links een klant.' })));
    return;
  }
  const v = customerView(data.state, data.events, selected);
  const c = v.customer;
  box.dataset.customer = c.id;
  const nameInput = h('input', { type: 'text', id: 'cust-name', value: customerName(c, data.events), maxlength: '80', 'aria-label': 'Naam van de klant' });
  nameInput.addEventListener('change', async () => {
    await renameCustomer(selected, nameInput.value);
    say('Naam opgeslagen');
  });
  const persona = v.persona ? PERSONAS[v.persona] : null;

  // Accounts + link.
  const others = allCustomers(data.state, data.events).filter((o) => o.id !== c.id);
  const pick = h('select', { id: 'link-select', 'aria-label': 'Account om te koppelen' },
    h('option', { value: '', text: 'Kies een account van dezelfde persoon…' }),
    ...others.flatMap((o) => o.accounts.map((a) => h('option', { value: a, text: `${customerName(o, data.events)} · ${accountLabel(a)}` }))));
  const linkBtn = h('button', { type: 'button', class: 'btn', id: 'link', text: 'Koppelen', onclick: async () => {
    if (!pick.value) return;
    await linkAccounts([selected, pick.value]);
    say(`Gekoppeld: ${accountLabel(pick.value)}`);
  } });
  const accounts = h('ul', { class: 'accounts' }, ...c.accounts.map((a) => h('li', { 'data-account': a },
    h('span', { class: 'tag', text: platformLabel(splitAccount(a).site) }), h('code', { text: splitAccount(a).name }),
    c.accounts.length > 1 ? h('button', { type: 'button', class: 'btn small', text: 'Ontkoppelen', 'aria-label': `${accountLabel(a)} ontkoppelen`,
                                          onclick: async () => {
                                            await unlinkAccount(a);
                                            if (a === selected) selected = c.accounts.find((x) => x !== a);
                                            say(`${accountLabel(a)} ontkoppeld`);
                                          } }) : null)));

  // Lists.
  const lists = h('div', { class: 'checks' }, ...data.state.lists.map((l) => {
    const box2 = h('input', { type: 'checkbox', 'data-list': l.id, checked: c.lists.includes(l.id) });
    box2.addEventListener('change', async () => {
      await setListMember(selected, l.id, box2.checked);
      say(box2.checked ? `Op de lijst ${l.name}` : `Van de lijst ${l.name} gehaald`);
    });
    return h('label', { class: 'check' }, box2, h('span', { text: l.name }));
  }));

  // Promises (open first, then done ones of the last period).
  const replies = data.events.filter((e) => e.kind === 'reply' && e.promise && c.accounts.includes(e.account)).reverse();
  const promises = replies.length
    ? h('ul', { class: 'promises' }, ...replies.map((e) => {
      const state = promiseState(e.promise);
      return h('li', { 'data-state': state, 'data-event': e.id },
        h('div', {}, h('strong', { text: `“${e.promise.text}”` }),
          h('div', { class: 'due', text: `${state === 'done' ? 'Afgerond' : state === 'overdue' ? 'Verlopen' : 'Open'} · ${dueLabel(e.promise)} · beloofd ${DATE.format(new Date(e.ts))} via ${platformLabel(e.site)}` })),
        h('button', { type: 'button', class: state === 'done' ? 'btn small' : 'btn primary small', 'data-action': state === 'done' ? 'reopen' : 'done',
                      text: state === 'done' ? 'Weer open' : 'Afgerond',
                      onclick: async () => {
                        await setPromiseDone(e.id, state !== 'done');
                        say(state === 'done' ? 'Belofte weer open' : 'Belofte afgerond');
                      } }));
    }))
    : h('p', { class: 'muted', text: 'Geen beloftes aan deze klant.' });

  const timeline = v.timeline.length
    ? h('ol', { class: 'timeline', 'aria-label': 'Tijdlijn' }, ...v.timeline.map(timelineItem))
    : h('p', { class: 'muted', text: 'Nog niets op de tijdlijn.' });

  const forget = h('button', { type: 'button', class: 'btn danger solid', id: 'forget', text: 'Vergeet deze klant', onclick: () => {
    $('#forget-text').textContent = `Dit wist de tijdlijn (${v.timeline.length} items), de lijsten en de geschiedenis van ${customerName(c, data.events)} `
      + `(${c.accounts.map(accountLabel).join(', ')}) in deze browser. Dit kan niet ongedaan worden.`;
    $('#forget-dialog').showModal();
  } });

  box.replaceChildren(
    h('section', { class: 'card stack', 'aria-labelledby': 'cust-name' },
      h('h2', {}, nameInput),
      h('p', { class: 'muted', text: [persona ? persona.long : null, `${v.count} bericht${v.count === 1 ? '' : 'en'}`,
        v.lastContact ? `laatste contact ${DATE.format(new Date(v.lastContact.ts))}` : null].filter(Boolean).join(' · ') }),
      h('h3', { class: 'sub', text: 'Accounts' }), accounts,
      h('div', { class: 'link-row' }, pick, linkBtn),
      h('h3', { class: 'sub', text: 'Lijsten' }), lists),
    h('section', { class: 'card stack', 'aria-labelledby': 'prom-h' }, h('h2', { id: 'prom-h', text: 'Beloftes' }), promises),
    h('section', { class: 'card stack', 'aria-labelledby': 'tl-h' }, h('h2', { id: 'tl-h', text: 'Tijdlijn' }), timeline),
    h('section', { class: 'card row' }, forget,
      h('p', { class: 'field-hint', text: 'Recht op vergetelheid: wist alles wat deze browser over deze klant weet.' })));
}

function render() {
  renderLists();
  renderList();
  renderDetail();
  document.body.dataset.ready = 'true';
}

async function reload() {
  data = await readCustomers();
  // A background tab saving new mentions must not pull the field the agent is typing in away.
  const typing = document.activeElement?.closest?.('#detail') && /^(INPUT|SELECT)$/.test(document.activeElement.tagName);
  if (typing) {
    renderLists();
    renderList();
  } else {
    render();
  }
}

markNav('customers');
const profileNames = new Map((await loadProfiles()).profiles.map((p) => [p.id, p.name]));
await reload();
$('#q').addEventListener('input', renderList);
$('#list-filter').addEventListener('change', renderList);
$('#list-add').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('#list-name').value.trim();
  if (!name) return;
  await addList(name);
  $('#list-name').value = '';
  say(`Lijst “${name}” toegevoegd`);
});
$('#export').addEventListener('click', async () => {
  download(`webcare-klanten-${new Date().toISOString().slice(0, 10)}.json`, await exportCustomers(), 'application/json');
  say('Export gemaakt');
});
const forgetDialog = $('#forget-dialog');
forgetDialog.addEventListener('close', async () => {
  if (forgetDialog.returnValue !== 'forget' || !selected) return;
  const name = customerName(customerOf(data.state, selected), data.events);
  const n = await forgetCustomer(selected);
  selected = null;
  say(`${name} is vergeten (${n} items gewist)`);
});
const wipeDialog = $('#wipe-dialog');
$('#wipe').addEventListener('click', () => wipeDialog.showModal());
wipeDialog.addEventListener('close', async () => {
  if (wipeDialog.returnValue !== 'wipe') return;
  await deleteAllCustomers();
  selected = null;
  say('Alle klantgegevens zijn gewist');
});
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (CUSTOMERS_KEY in changes || TIMELINE_KEY in changes || !Object.keys(changes).length)) reload();
});
