// Things X renders in div#layers: the reply modal and the "post sent" toast.
import React from 'react';
import { createPortal } from 'react-dom';
import { Composer } from './x-composer.jsx';
import { Avatar, RichText, relativeTime } from './x-tweet.jsx';

export function ReplyModal({ post, onClose, onPost }) {
  return createPortal(
    <div className="css-175oi2r r-1p0dtai r-1d2f490 r-1xcajam r-zchlnj r-ipm5af r-layer">
      <div className="css-175oi2r r-aqfbo4 r-1p0dtai r-1d2f490 r-12vffkv r-1xcajam r-zchlnj r-backdrop" onClick={onClose} />
      <div aria-labelledby="modal-header" aria-modal="true" role="dialog"
        className="css-175oi2r r-1wbh5a2 r-htvplk r-1udh08x r-1867qdf r-kwpbio r-rsyp9y r-1pjcn9w r-1279nm1 r-modal">
        <div className="css-175oi2r r-1pi2tsx">
          <div className="css-175oi2r r-1loqt21 r-136ojw6 r-modal-header">
            <button aria-label="Sluiten" role="button" data-testid="app-bar-close" type="button"
              className="css-175oi2r r-sdzlij r-1phboty r-rs99b7 r-lrvibr r-2yi16 r-1qi8awa r-1loqt21 r-o7ynqc r-6416eg r-1ny4l3l r-close"
              onClick={onClose}>✕</button>
            <h2 id="modal-header" aria-level="2" role="heading" className="css-146c3p1 r-visually-hidden">Antwoord posten</h2>
          </div>
          <div className="css-175oi2r r-18u37iz r-replied-to">
            <div className="css-175oi2r r-avatar-col r-thread-line">
              <Avatar handle={post.handle} name={post.name} />
            </div>
            <div className="css-175oi2r r-content-col">
              <div className="css-175oi2r r-18u37iz r-muted">
                <span className="r-name">{post.name}</span>&nbsp;<span>@{post.handle}</span>&nbsp;·&nbsp;
                <time dateTime={post.datetime}>{relativeTime(post.datetime)}</time>
              </div>
              {post.text ? <div dir="auto" lang={post.lang} className="css-146c3p1 r-tweet-text"><RichText text={post.text} /></div> : null}
              <div className="css-175oi2r r-muted r-reply-to">Antwoord aan <a href={`/${post.handle}`} role="link" className="r-link">@{post.handle}</a></div>
            </div>
          </div>
          <Composer testid="tweetTextarea_0" buttonTestid="tweetButton" buttonLabel="Beantwoorden"
            placeholder="Post je antwoord" autoFocus onPost={onPost} />
        </div>
      </div>
    </div>,
    document.getElementById('layers'),
  );
}

export function Toast({ toast }) {
  if (!toast) return null;
  return createPortal(
    <div className="css-175oi2r r-toast-wrap" aria-live="polite">
      <div data-testid="toast" role="alert" className="css-175oi2r r-1awozwy r-18u37iz r-1wtj0ep r-toast">
        <div className="css-175oi2r r-1wbh5a2">
          <div dir="ltr" className="css-146c3p1"><span className="css-1jxf684">{toast.message}</span></div>
        </div>
        <a href={toast.url} role="link" className="css-175oi2r r-1loqt21 r-toast-link"><span>Weergeven</span></a>
      </div>
    </div>,
    document.getElementById('layers'),
  );
}
