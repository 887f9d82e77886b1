// Notices at the bottom right: at most MAX_NOTICES (the store drops the oldest), info and success
// dismiss themselves after a few seconds (paused while the pointer or focus is on them), errors stay
// until dismissed. Long text is cut to three lines; "Show all" reveals the rest, and never wider than
// the window.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { noticeLifetimeMs, type Notice } from '../store/app-slice';
import { wordNotice } from '../actions/notice-text';

export function Notices() {
  const { t } = useTranslation('shell');
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')} data-testid="notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </section>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  // The notice keeps keys, not sentences: it is worded here, in the language shown now (useTranslation
  // re-renders it when the language changes).
  const { t } = useTranslation('shell');
  const message = wordNotice(notice);
  const dismiss = useStore((s) => s.dismissNotice);
  const [held, setHeld] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [long, setLong] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const lifetime = noticeLifetimeMs(notice.level);

  useEffect(() => {
    if (lifetime === null || held || expanded) return;
    const timer = setTimeout(() => dismiss(notice.id), lifetime);
    return () => clearTimeout(timer);
  }, [lifetime, held, expanded, dismiss, notice.id]);

  // Whether the clamp cut anything (measured again when the window or the text changes): only then
  // is "Show all" offered.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || expanded) return;
    const measure = () => setLong(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [expanded, message, notice.detail]);

  return (
    <div
      className={`notice ${notice.level}`}
      role={notice.level === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-level={notice.level}
      data-code={notice.code}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div ref={body} className={expanded ? 'notice-body expanded' : 'notice-body'}>
        <span className="notice-message">{message}</span>
        {notice.detail && (
          <span className="notice-detail" translate="no">
            {notice.detail}
          </span>
        )}
      </div>
      <div className="notice-actions">
        {(long || expanded) && (
          <button className="button ghost small" data-testid="notice-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('notices.less') : t('notices.more')}
          </button>
        )}
        <button className="button ghost small icon" data-testid="notice-dismiss" aria-label={t('notices.dismiss')} title={t('notices.dismiss')} onClick={() => dismiss(notice.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
