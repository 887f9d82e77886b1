// The lesson's own client: the fields a step's task needs (a message, a size, an Origin, a
// subprotocol, a close code), each acting on the lesson's connection through the built-in client.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonTool } from '../../../../shared/lessons/lessons';
import { formatCount } from '../../format';
import { closeWith, connectTo, runGuarded, sendSized, sendText } from './lesson-actions';
import { useLessonStore } from './lesson-store';

const DEFAULTS = { message: '{"lesson":"hello, again"}', size: '125', origin: 'http://evil.example', subprotocol: 'demo.v1', code: '1000' };

export function LessonTools({ tools }: { tools: readonly LessonTool[] }) {
  const { t } = useTranslation('lessons');
  const connectionId = useLessonStore((s) => s.connectionId);
  const busy = useLessonStore((s) => s.busy);
  const [v, setV] = useState(DEFAULTS);
  const set = (key: keyof typeof DEFAULTS) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const size = Math.floor(Number(v.size));
  const sizeOk = Number.isFinite(size) && size >= 0 && size <= 1_048_576;
  const code = Math.floor(Number(v.code));
  if (tools.length === 0) return null;

  return (
    <section className="lesson-tools" data-testid="lesson-client" aria-label={t('tools.label')}>
      <div className="lesson-tools-head">
        <span>{t('tools.label')}</span>
        <span className="lesson-conn" data-testid="lesson-connection">
          {connectionId === null ? t('tools.noConnection') : t('tools.connection', { id: connectionId })}
        </span>
      </div>
      {tools.includes('message') && (
        <div className="lesson-field">
          <label htmlFor="lesson-message">{t('tools.message')}</label>
          <input id="lesson-message" data-testid="lesson-message" translate="no" value={v.message} onChange={set('message')} />
          <button className="button" data-testid="lesson-send" disabled={busy} onClick={() => void runGuarded(() => sendText(v.message))}>
            {t('tools.send')}
          </button>
        </div>
      )}
      {tools.includes('size') && (
        <div className="lesson-field">
          <label htmlFor="lesson-size">{t('tools.size')}</label>
          <input id="lesson-size" data-testid="lesson-size" inputMode="numeric" value={v.size} onChange={set('size')} />
          <button className="button" data-testid="lesson-send-sized" disabled={busy || !sizeOk} onClick={() => void runGuarded(() => sendSized(size))}>
            {t('tools.sendSized', { size: sizeOk ? formatCount(size) : '–' })}
          </button>
        </div>
      )}
      {tools.includes('origin') && (
        <div className="lesson-field">
          <label htmlFor="lesson-origin">{t('tools.origin')}</label>
          <input id="lesson-origin" data-testid="lesson-origin" translate="no" value={v.origin} onChange={set('origin')} />
          <button
            className="button"
            data-testid="lesson-connect-origin"
            disabled={busy}
            onClick={() => void runGuarded(() => connectTo('echo', { headers: v.origin.trim() ? { Origin: v.origin.trim() } : {} }))}
          >
            {t('tools.connectOrigin')}
          </button>
        </div>
      )}
      {tools.includes('subprotocol') && (
        <div className="lesson-field">
          <label htmlFor="lesson-subprotocol">{t('tools.subprotocol')}</label>
          <input id="lesson-subprotocol" data-testid="lesson-subprotocol" translate="no" value={v.subprotocol} onChange={set('subprotocol')} />
          <button
            className="button"
            data-testid="lesson-connect-subprotocol"
            disabled={busy}
            onClick={() => void runGuarded(() => connectTo('strict', { subprotocols: v.subprotocol.split(',').map((p) => p.trim()).filter(Boolean) }))}
          >
            {t('tools.connectSubprotocol')}
          </button>
        </div>
      )}
      {tools.includes('close') && (
        <div className="lesson-field">
          <label htmlFor="lesson-close-code">{t('tools.closeCode')}</label>
          <input id="lesson-close-code" data-testid="lesson-close-code" inputMode="numeric" value={v.code} onChange={set('code')} />
          <button className="button" data-testid="lesson-close" disabled={busy || !(code >= 1000 && code <= 4999)} onClick={() => void runGuarded(() => closeWith(code))}>
            {t('tools.close')}
          </button>
        </div>
      )}
    </section>
  );
}
