// One X tweet (article[data-testid="tweet"]) with X's nesting and hooks.
import React from 'react';
import { richParts, emojiImageSrc, avatarColor, initials } from './shared/rich-text.js';

const NOW = Date.UTC(2026, 2, 2, 9, 30, 0);
const MONTHS = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

export function relativeTime(iso) {
  const t = Date.parse(iso);
  const min = Math.max(1, Math.round((NOW - t) / 60000));
  if (min < 60) return `${min} min.`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} u`;
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

const TEXT = 'css-146c3p1 r-bcqeeo r-1ttztb7 r-qvutc0 r-37j5jr r-a023e6 r-rjixqe';
const SPAN = 'css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3';

export function Emoji({ value }) {
  return (
    <img alt={value} draggable="false" src={emojiImageSrc(value)} title={value}
      className="r-4qtqp9 r-dflpy8 r-k4bwe5 r-1kpi4qh r-pp5qcn r-h9hxbl" />
  );
}

/** The pieces of a tweet text: spans, mention/hashtag links, emoji images. */
export function RichText({ text }) {
  return richParts(text).map((p, i) => {
    if (p.kind === 'emoji') return <Emoji key={i} value={p.value} />;
    if (p.kind === 'mention') {
      return (
        <div key={i} className="css-175oi2r r-xoduu5">
          <span className="r-18u37iz">
            <a dir="ltr" href={`/${p.value.slice(1)}`} role="link" className={`${SPAN} r-1loqt21 r-link`}>{p.value}</a>
          </span>
        </div>
      );
    }
    if (p.kind === 'hashtag') {
      return (
        <span key={i} className="r-18u37iz">
          <a dir="ltr" href={`/hashtag/${encodeURIComponent(p.value.slice(1))}?src=hashtag_click`}
            role="link" className={`${SPAN} r-1loqt21 r-link`}>{p.value}</a>
        </span>
      );
    }
    if (p.kind === 'url') {
      return <a key={i} dir="ltr" href={p.value} rel="noopener noreferrer nofollow" target="_blank" role="link" className={`${SPAN} r-1loqt21 r-link`}>{p.value}</a>;
    }
    return <span key={i} className={SPAN}>{p.value}</span>;
  });
}

export function Avatar({ handle, name, size = 40 }) {
  return (
    <div className="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy" data-testid="Tweet-User-Avatar">
      <div className="css-175oi2r r-1wbh5a2 r-dnmrzs">
        <div className="css-175oi2r r-bztko3 r-1adg3ll" data-testid={`UserAvatar-Container-${handle}`}
          style={{ width: size, height: size }}>
          <a href={`/${handle}`} aria-hidden="true" role="link" tabIndex={-1}
            className="css-175oi2r r-1pi2tsx r-13qz1uu r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21 r-avatar"
            style={{ background: avatarColor(handle) }}>
            <span className="r-avatar-initials">{initials(name)}</span>
          </a>
        </div>
      </div>
    </div>
  );
}

export function UserName({ name, handle, datetime, url, onNavigate }) {
  return (
    <div className="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l" id={`id__${handle}_name`} data-testid="User-Name">
      <div className="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs">
        <div className="css-175oi2r r-1wbh5a2 r-dnmrzs">
          <a href={`/${handle}`} role="link" className="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21">
            <div className="css-175oi2r r-1awozwy r-18u37iz r-1wbh5a2 r-dnmrzs">
              <div dir="ltr" className={`${TEXT} r-b88u0q r-1awozwy r-6koalj r-1udh08x r-3s2u2q r-name`}>
                <span className={`${SPAN} r-dnmrzs r-1udh08x r-1udbk01 r-3s2u2q`}>
                  <span className={SPAN}>{name}</span>
                </span>
              </div>
            </div>
          </a>
        </div>
      </div>
      <div className="css-175oi2r r-18u37iz r-1wbh5a2 r-1ez5h0i">
        <div className="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2">
          <div className="css-175oi2r r-1wbh5a2 r-dnmrzs">
            <a href={`/${handle}`} role="link" tabIndex={-1} className="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1loqt21">
              <div dir="ltr" className={`${TEXT} r-dnmrzs r-1udh08x r-3s2u2q r-16dba41 r-muted`}>
                <span className={SPAN}>@{handle}</span>
              </div>
            </a>
          </div>
          <div dir="ltr" aria-hidden="true" className={`${TEXT} r-1q142lx r-n7gxbd r-muted`}>
            <span className={SPAN}>·</span>
          </div>
          <div className="css-175oi2r r-18u37iz r-1q142lx">
            <a href={url} dir="ltr" aria-label={relativeTime(datetime)} role="link"
              className={`${TEXT} r-xoduu5 r-1q142lx r-1w6e6rj r-9aw3ui r-3s2u2q r-1loqt21 r-muted`}
              onClick={(e) => { if (onNavigate) { e.preventDefault(); onNavigate(url); } }}>
              <time dateTime={datetime}>{relativeTime(datetime)}</time>
            </a>
          </div>
        </div>
      </div>
    </div>
  );
}

function photoSrc(seed) {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="338" viewBox="0 0 600 338">`
    + `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 70%)"/>`
    + `<stop offset="1" stop-color="hsl(${(hue + 60) % 360} 50% 40%)"/></linearGradient></defs>`
    + `<rect width="600" height="338" fill="url(#g)"/><circle cx="460" cy="90" r="40" fill="hsl(50 90% 80%)"/>`
    + `<path d="M0 338 L180 170 L300 270 L400 200 L600 338 Z" fill="hsl(${(hue + 180) % 360} 30% 30%)"/></svg>`;
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

function Photo({ post }) {
  const src = photoSrc(Number(post.id.slice(-4)));
  return (
    <div className="css-175oi2r r-9aw3ui r-1s2bzr4">
      <div className="css-175oi2r r-9aw3ui">
        <div className="css-175oi2r r-1ssbvtb r-1s2bzr4">
          <div className="css-175oi2r r-1adg3ll r-1udh08x r-photo-frame">
            <a href={`${post.url}/photo/1`} role="link" className="css-175oi2r r-1pi2tsx r-1ny4l3l r-1loqt21">
              <div aria-label="Afbeelding" data-testid="tweetPhoto" className="css-175oi2r r-1mlwlqe r-1udh08x r-417010 r-aqfbo4 r-agouwx">
                <div className="css-175oi2r r-1niwhzg r-vvn4in r-u6sd8q r-1p0dtai r-1pi2tsx r-1d2f490 r-u8s1d r-zchlnj r-ipm5af r-13qz1uu r-1wyyakw r-4gszlv"
                  style={{ backgroundImage: `url("${src}")` }} />
                <img alt="Afbeelding" draggable="true" src={src} className="css-9pa8cd" />
              </div>
            </a>
          </div>
        </div>
      </div>
    </div>
  );
}

const ICONS = {
  reply: 'M1.751 10c0-4.42 3.584-8 8.005-8h4.366c4.49 0 7.501 3.58 7.501 8 0 4.42-3.01 8-7.5 8h-1.5l-4.75 3.5v-3.8C4.84 17.07 1.75 14.09 1.75 10zm8.005-6c-3.317 0-6.005 2.69-6.005 6 0 3.37 2.77 6.08 6.138 6.01l.351-.01h1.761v2.3l2.5-1.8h1.5c3.37 0 5.5-2.69 5.5-6s-2.13-6-5.5-6H9.756z',
  retweet: 'M4.5 3.88l4.432 4.14-1.364 1.46L5.5 7.55V16c0 1.1.896 2 2 2H13v2H7.5c-2.209 0-4-1.79-4-4V7.55L1.432 9.48.068 8.02 4.5 3.88zM16.5 6H11V4h5.5c2.209 0 4 1.79 4 4v8.45l2.068-1.93 1.364 1.46-4.432 4.14-4.432-4.14 1.364-1.46 2.068 1.93V8c0-1.1-.896-2-2-2z',
  like: 'M16.697 5.5c-1.222-.06-2.679.51-3.89 2.16l-.805 1.09-.806-1.09C9.984 6.01 8.526 5.44 7.304 5.5c-1.243.07-2.349.78-2.91 1.91-.552 1.12-.633 2.78.479 4.82 1.074 1.97 3.257 4.27 7.129 6.61 3.87-2.34 6.052-4.64 7.126-6.61 1.111-2.04 1.03-3.7.477-4.82-.561-1.13-1.666-1.84-2.908-1.91z',
  share: 'M12 2.59l5.7 5.7-1.41 1.42L13 6.41V16h-2V6.41l-3.3 3.3-1.41-1.42L12 2.59zM21 15l-.02 3.51c0 1.38-1.12 2.49-2.5 2.49H5.5C4.11 21 3 19.88 3 18.5V15h2v3.5c0 .28.22.5.5.5h12.98c.28 0 .5-.22.5-.5L19 15h2z',
};

function Action({ testid, label, count, onClick }) {
  return (
    <div className="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0">
      <button aria-label={label} role="button" data-testid={testid} type="button"
        className="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l r-action" onClick={onClick}>
        <div dir="ltr" className={`${TEXT} r-1awozwy r-6koalj r-1h0z5md r-o7ynqc r-clp7b1 r-3s2u2q r-muted`}>
          <div className="css-175oi2r r-xoduu5">
            <svg viewBox="0 0 24 24" aria-hidden="true" className="r-4qtqp9 r-yyyyoo r-dnmrzs r-bnwqim r-lrvibr r-m6rgpd r-1xvli5t r-1hdv0qi"><g><path d={ICONS[testid] || ICONS.share} /></g></svg>
          </div>
          {count ? <div className="css-175oi2r r-xoduu5 r-1udh08x"><span className={SPAN}><span className={SPAN}>{count}</span></span></div> : null}
        </div>
      </button>
    </div>
  );
}

/**
 * focused: the tweet of a /status/ page (tabindex -1, bigger text, no time link click).
 */
export function Tweet({ post, focused = false, onReply, onNavigate }) {
  const counts = Number(post.id.slice(-3));
  const replies = counts % 17;
  return (
    <article aria-labelledby={`id__${post.id}`} role="article" tabIndex={focused ? -1 : 0} data-testid="tweet"
      className={`css-175oi2r r-18u37iz r-1udh08x r-i023vh r-1qhn6m8 r-o7ynqc r-6416eg r-1ny4l3l r-1loqt21 r-tweet${focused ? ' r-focused' : ''}`}
      onClick={(e) => {
        if (focused || !onNavigate) return;
        if (e.target.closest('a, button, [role="button"], img[draggable="true"]')) return;
        onNavigate(post.url);
      }}>
      <div className="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2">
        <div className="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l">
          <div className="css-175oi2r">
            <div className="css-175oi2r r-18u37iz">
              <div className="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv" />
            </div>
          </div>
          <div className="css-175oi2r r-18u37iz">
            <div className="css-175oi2r r-1iusvr4 r-16y2uox r-ttdzmv r-avatar-col">
              <Avatar handle={post.handle} name={post.name} />
            </div>
            <div className="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu r-content-col">
              <div className="css-175oi2r r-zl2h9q">
                <div className="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep">
                  <UserName name={post.name} handle={post.handle} datetime={post.datetime} url={post.url} onNavigate={onNavigate} />
                  <div className="css-175oi2r r-1awozwy r-18u37iz r-1cmwbt1 r-1wtj0ep">
                    <button aria-label="Meer" role="button" data-testid="caret" type="button" className="css-175oi2r r-1777fci r-bt1l66 r-bztko3 r-lrvibr r-1loqt21 r-1ny4l3l r-action r-muted">···</button>
                  </div>
                </div>
              </div>
              {post.text ? (
                <div className="css-175oi2r">
                  <div dir="auto" lang={post.lang} id={`id__${post.id}`} data-testid="tweetText"
                    className={`${TEXT} r-8akbws r-krxsd3 r-dnmrzs r-1udh08x r-16dba41 r-bnwqim r-tweet-text${focused ? ' r-big' : ''}`}
                    style={{ WebkitLineClamp: 10 }}>
                    <RichText text={post.text} />
                  </div>
                </div>
              ) : <div id={`id__${post.id}`} className="css-175oi2r" />}
              {post.media ? <Photo post={post} /> : null}
              <div className="css-175oi2r">
                <div className="css-175oi2r">
                  <div aria-label={`${replies} antwoorden, ${counts % 9} reposts, ${counts % 53} vind-ik-leuks`} role="group"
                    className="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4 r-actions">
                    <Action testid="reply" label={`${replies} antwoorden. Beantwoorden`} count={replies}
                      onClick={(e) => { e.stopPropagation(); if (onReply) onReply(post.id); }} />
                    <Action testid="retweet" label="Reposten" count={counts % 9} />
                    <Action testid="like" label="Vind ik leuk" count={counts % 53} />
                    <Action testid="share" label="Post delen" />
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </article>
  );
}
