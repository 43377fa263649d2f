// x.com fixture: React 18 + Draft.js. Routes /home, /notifications(/mentions),
// /:handle/status/:id and /:handle; window.__fixture drives it from tests.
import 'draft-js/dist/Draft.css';
import './x.css';
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import data from './posts.json';
import { postsFor, makePost, summary, xStatusId } from './shared/posts.js';
import { VirtualTimeline } from './x-timeline.jsx';
import { Tweet } from './x-tweet.jsx';
import { Composer, editorText } from './x-composer.jsx';
import { ReplyModal, Toast } from './x-layers.jsx';

const AGENT = data.agent.x;
const store = { posted: [], postLog: [], seq: 0, added: [], ownReplies: [] };
const base = {
  home: postsFor(data, 'x', 'home'),
  notifications: postsFor(data, 'x', 'notifications'),
  status: postsFor(data, 'x', 'status')[0],
  replies: postsFor(data, 'x', 'replies'),
};

function knownPosts() {
  return [...store.added, ...base.home, ...base.notifications, base.status, ...base.replies, ...store.ownReplies];
}
function findPost(id) { return knownPosts().find((p) => p.id === String(id)) || null; }

function parseRoute(path) {
  const clean = path.replace(/\/+$/, '') || '/home';
  if (clean === '/' || clean === '/home') return { name: 'home' };
  if (clean === '/notifications') return { name: 'notifications', tab: 'all' };
  if (clean === '/notifications/mentions') return { name: 'notifications', tab: 'mentions' };
  const m = clean.match(/^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/);
  if (m) return { name: 'status', handle: m[1], id: m[2] };
  const p = clean.match(/^\/([A-Za-z0-9_]{1,15})$/);
  if (p) return { name: 'profile', handle: p[1] };
  return { name: 'home' };
}

const tweetItem = (post) => ({ type: 'tweet', key: `t${post.id}`, post });

const NOTIFICATION_ROWS = [
  { type: 'notification', key: 'n-like-1', text: 'Sanne de Vries en 3 anderen vonden je post leuk' },
  { type: 'notification', key: 'n-follow-1', text: 'Mark Jansen volgt je nu' },
];

function timelineItems(route, version) {
  void version;
  if (route.name === 'home') return [...store.added, ...base.home].map(tweetItem);
  if (route.name === 'notifications') {
    const mentions = base.notifications.map(tweetItem);
    if (route.tab === 'mentions') return mentions;
    return [...mentions.slice(0, 3), NOTIFICATION_ROWS[0], ...mentions.slice(3, 7), NOTIFICATION_ROWS[1], ...mentions.slice(7)];
  }
  if (route.name === 'status') {
    const focus = findPost(route.id) || base.status;
    const replies = focus.id === base.status.id ? base.replies : [];
    const own = store.ownReplies.filter((r) => r.inReplyTo === focus.id);
    return [
      { type: 'focus', key: `f${focus.id}`, post: focus },
      { type: 'composer', key: `c${focus.id}`, post: focus },
      ...own.map(tweetItem), ...replies.map(tweetItem),
    ];
  }
  return knownPosts().filter((p) => p.handle.toLowerCase() === route.handle.toLowerCase()).map(tweetItem);
}

function titleFor(route, items) {
  if (route.name === 'home') return 'Startpagina / X';
  if (route.name === 'notifications') return 'Meldingen / X';
  if (route.name === 'status' && items[0]) return `${items[0].post.name} op X: "${items[0].post.text}" / X`;
  return `@${route.handle} / X`;
}

function NotificationRow({ item }) {
  return (
    <article data-testid="notification" tabIndex={0} role="article" className="css-175oi2r r-18u37iz r-notification">
      <div className="css-175oi2r r-avatar-col"><svg viewBox="0 0 24 24" className="r-notif-icon" aria-hidden="true"><path d="M12 21.638h-.014C9.403 21.59 1.95 14.856 1.95 8.478c0-3.064 2.525-5.754 5.403-5.754 2.29 0 3.83 1.58 4.646 2.73.814-1.148 2.354-2.73 4.645-2.73 2.88 0 5.404 2.69 5.404 5.755 0 6.376-7.454 13.11-10.037 13.157H12z" /></svg></div>
      <div className="css-175oi2r r-content-col"><span className="css-1jxf684">{item.text}</span></div>
    </article>
  );
}

function Header({ route, onNavigate }) {
  const link = (testid, href, label, active) => (
    <a href={href} data-testid={testid} aria-label={label} role="link"
      className={`css-175oi2r r-6koalj r-eqz5dr r-16y2uox r-1habvwh r-cnw61z r-13qz1uu r-1ny4l3l r-1loqt21 r-nav-link${active ? ' r-active' : ''}`}
      onClick={(e) => { e.preventDefault(); onNavigate(href); }}>
      <span>{label}</span>
    </a>
  );
  return (
    <header role="banner" className="css-175oi2r r-lrvibr r-1g40b8q r-obd0qt r-16y2uox r-banner">
      <div className="css-175oi2r r-nav">
        <h1 role="heading" className="r-logo"><a href="/home" aria-label="X" role="link" onClick={(e) => { e.preventDefault(); onNavigate('/home'); }}>𝕏</a></h1>
        <nav aria-label="Primair" role="navigation" className="css-175oi2r">
          {link('AppTabBar_Home_Link', '/home', 'Startpagina', route.name === 'home')}
          {link('AppTabBar_Explore_Link', '/explore', 'Verkennen', false)}
          {link('AppTabBar_Notifications_Link', '/notifications', 'Meldingen', route.name === 'notifications')}
          {link('AppTabBar_DirectMessage_Link', '/messages', 'Berichten', false)}
          {link('AppTabBar_Profile_Link', `/${AGENT.handle}`, 'Profiel', route.name === 'profile')}
        </nav>
        <div data-testid="SideNav_AccountSwitcher_Button" className="css-175oi2r r-account">
          <span className="r-name">{AGENT.name}</span><span className="r-muted">@{AGENT.handle}</span>
        </div>
      </div>
    </header>
  );
}

function ColumnHeader({ route, onNavigate }) {
  let title = 'Startpagina';
  let tabs = [['Voor jou', true], ['Volgend', false]];
  if (route.name === 'notifications') {
    title = 'Meldingen';
    tabs = [['Alle', route.tab !== 'mentions', '/notifications'], ['Vermeldingen', route.tab === 'mentions', '/notifications/mentions']];
  } else if (route.name === 'status') {
    title = 'Post';
    tabs = [];
  } else if (route.name === 'profile') {
    title = `@${route.handle}`;
    tabs = [['Posts', true]];
  }
  return (
    <div className="css-175oi2r r-aqfbo4 r-gtdqiz r-1gn8etr r-1g40b8q r-column-header">
      <div className="css-175oi2r r-1e5uvyk r-6026j"><h2 dir="ltr" aria-level="2" role="heading" className="css-146c3p1 r-title">{title}</h2></div>
      {tabs.length ? (
        <nav aria-live="polite" role="navigation" className="css-175oi2r r-tabs">
          <div role="tablist" className="css-175oi2r r-18u37iz">
            {tabs.map(([label, active, href]) => (
              <div key={label} role="presentation" className="css-175oi2r r-14tvyh0 r-cpa5s6 r-16y2uox">
                <a href={href || '#'} role="tab" aria-selected={active ? 'true' : 'false'} className={`css-175oi2r r-tab${active ? ' r-active' : ''}`}
                  onClick={(e) => { e.preventDefault(); if (href) onNavigate(href); }}><span>{label}</span></a>
              </div>
            ))}
          </div>
        </nav>
      ) : null}
    </div>
  );
}

function Sidebar() {
  return (
    <div data-testid="sidebarColumn" className="css-175oi2r r-sidebar">
      <div className="css-175oi2r r-search" role="search"><input aria-label="Zoekopdracht" placeholder="Zoeken" data-testid="SearchBox_Search_Input" /></div>
      <section aria-labelledby="trends-h" role="region" className="css-175oi2r r-box">
        <h2 id="trends-h" className="r-box-title">Trends voor jou</h2>
        {['#storing', 'NS', 'Koningsdag', '#webcare'].map((t) => <div key={t} className="r-trend" data-testid="trend"><span className="r-muted">Trending in Nederland</span><b>{t}</b></div>)}
      </section>
    </div>
  );
}

function App() {
  const [path, setPath] = useState(location.pathname);
  const [version, setVersion] = useState(0);
  const [modal, setModal] = useState(null);
  const [toast, setToast] = useState(null);
  const timeline = useRef(null);
  const route = useMemo(() => parseRoute(path), [path]);
  const items = useMemo(() => timelineItems(route, version), [route, version]);

  const navigate = (to) => {
    if (to !== location.pathname) history.pushState({}, '', to);
    flushSync(() => setPath(to));
    window.scrollTo(0, 0);
  };

  const post = (text, via, inReplyTo) => {
    store.seq += 1;
    const id = xStatusId(5000 + store.seq);
    store.posted.push(text);
    store.postLog.push({ text, via, inReplyTo, id, path: location.pathname });
    const reply = {
      site: 'x', key: `own-${store.seq}`, id, name: AGENT.name, handle: AGENT.handle, text, lang: 'nl',
      expectedType: null, media: false, datetime: new Date(Date.UTC(2026, 2, 2, 9, 29, 0)).toISOString(),
      url: `/${AGENT.handle}/status/${id}`, inReplyTo,
    };
    store.ownReplies.unshift(reply);
    flushSync(() => {
      setToast({ message: 'Je post is verzonden.', url: reply.url, seq: store.seq });
      setVersion((v) => v + 1);
    });
  };

  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => { document.title = titleFor(route, items); }, [route, items]);

  // window.__fixture: the test-facing API (see README.md).
  const api = useRef({});
  api.current = { navigate, post, setModal, setVersion, timeline, items, route };
  useEffect(() => {
    const fx = {
      site: 'x',
      get posted() { return store.posted; },
      get postLog() { return store.postLog; },
      /** Posts of the current timeline, in order: {id, handle, name, text, expectedType}. */
      get posts() { return api.current.items.filter((i) => i.post && i.type !== 'composer').map((i) => summary(i.post)); },
      get allPosts() { return knownPosts().map(summary); },
      get route() { return { path: location.pathname, ...api.current.route }; },
      addPosts(list) {
        const specs = list && list.length ? list : data.x.new;
        const added = specs.map((s) => { store.seq += 1; return makePost(data, 'x', s, store.seq); });
        store.added.unshift(...added);
        flushSync(() => api.current.setVersion((v) => v + 1));
        return added.map(summary);
      },
      scrollTo(n) { return api.current.timeline.current ? api.current.timeline.current.scrollTo(n) : null; },
      visibleRange() { return api.current.timeline.current ? api.current.timeline.current.range() : null; },
      recycle() {
        const t = api.current.timeline.current;
        if (!t) return null;
        // Move the window past every visible tweet: the same slots (DOM nodes)
        // then show other tweets. Wraps to the top at the end of the list.
        const old = t.range();
        const count = t.count();
        for (let target = old.end; target < count; target += 1) {
          t.scrollTo(target);
          if (t.range().start >= old.end) return t.range();
        }
        t.scrollTo(0);
        return t.range();
      },
      navigate(to) { api.current.navigate(to); return location.pathname; },
      openReply(statusId) {
        const p = findPost(statusId);
        if (!p) return false;
        flushSync(() => api.current.setModal(p));
        return true;
      },
      closeReply() { flushSync(() => api.current.setModal(null)); },
      getEditorText(testid) { return editorText(testid || 'tweetTextarea_0'); },
    };
    window.__fixture = fx;
  }, []);

  const renderItem = (item) => {
    if (item.type === 'notification') return <NotificationRow item={item} />;
    if (item.type === 'composer') {
      return (
        <div data-testid="inline_reply_offscreen" className="css-175oi2r r-inline-reply">
          <div className="css-175oi2r r-muted r-reply-to">Antwoord aan <a href={`/${item.post.handle}`} className="r-link">@{item.post.handle}</a></div>
          <Composer testid="tweetTextarea_0" buttonTestid="tweetButtonInline" buttonLabel="Beantwoorden"
            placeholder="Post je antwoord" inline onPost={(t, via) => post(t, via, item.post.id)} />
        </div>
      );
    }
    return <Tweet post={item.post} focused={item.type === 'focus'} onNavigate={navigate}
      onReply={(id) => setModal(findPost(id))} />;
  };

  const label = route.name === 'home' ? 'Tijdlijn: Je startpagina-tijdlijn'
    : route.name === 'notifications' ? 'Tijdlijn: Meldingen'
      : route.name === 'status' ? 'Tijdlijn: Gesprek' : `Tijdlijn: posts van @${route.handle}`;

  return (
    <div className="css-175oi2r r-13awgt0 r-12vffkv">
      <div className="css-175oi2r r-13awgt0 r-12vffkv">
        <div aria-hidden={modal ? 'true' : 'false'} className="css-175oi2r r-1habvwh r-18u37iz r-1pi2tsx r-1wtj0ep r-shell">
          <Header route={route} onNavigate={navigate} />
          <main role="main" className="css-175oi2r r-16y2uox r-1wbh5a2 r-1habvwh r-main">
            <div className="css-175oi2r r-150rngu r-16y2uox r-1wbh5a2 r-rthrr5">
              <div className="css-175oi2r r-aqfbo4 r-16y2uox">
                <div className="css-175oi2r r-1oszu61 r-1niwhzg r-18u37iz r-16y2uox r-2llsf r-13qz1uu r-1wtj0ep">
                  <div data-testid="primaryColumn" className="css-175oi2r r-14lw9ot r-jxzhtn r-1ua6aaf r-th6na r-1phboty r-16y2uox r-184en5c r-1abdc3e r-1lg4w6u r-f8sm7e r-13qz1uu r-1ye8kvj r-primary">
                    <div className="css-175oi2r r-kemksi r-1kqtdi0 r-1ljd8xs r-13l2t4g r-1phboty r-13qz1uu r-1jgb5lz r-11wrixw r-61z16t r-1ye8kvj r-13qz1uu r-184en5c">
                      <ColumnHeader route={route} onNavigate={navigate} />
                      <div className="css-175oi2r">
                        <div className="css-175oi2r">
                          <VirtualTimeline key={`${route.name}:${route.tab || ''}:${route.id || route.handle || ''}`}
                            ref={timeline} label={label} heading={label.replace('Tijdlijn: ', '')}
                            headingId={`accessible-list-${route.name}`} items={items} renderItem={renderItem} />
                        </div>
                      </div>
                    </div>
                  </div>
                  <Sidebar />
                </div>
              </div>
            </div>
          </main>
        </div>
      </div>
      {modal ? <ReplyModal post={modal} onClose={() => setModal(null)}
        onPost={(t, via) => { const id = modal.id; setModal(null); post(t, via, id); }} /> : null}
      <Toast toast={toast} />
    </div>
  );
}

createRoot(document.getElementById('react-root')).render(<App />);
