// The lesson's own client: the fields a step's task needs (a message, a size, an Origin, a
// subprotocol, a close code), each acting on the lesson's connection through the built-in client.
import { useState, type ChangeEvent, type ReactNode } from 'react';
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
  const set = (key: keyof typeof DEFAULTS) => (e: ChangeEvent<HTMLInputElement>) => setV((old) => ({ ...old, [key]: e.target.value }));
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
        <ToolField id="message" label={t('tools.message')} value={v.message} onChange={set('message')} data>
          <button className="button" data-testid="lesson-send" disabled={busy} onClick={() => void runGuarded(() => sendText(v.message))}>
            {t('tools.send')}
          </button>
        </ToolField>
      )}
      {tools.includes('size') && (
        <ToolField id="size" label={t('tools.size')} value={v.size} onChange={set('size')}>
          <button className="button" data-testid="lesson-send-sized" disabled={busy || !sizeOk} onClick={() => void runGuarded(() => sendSized(size))}>
            {t('tools.sendSized', { size: sizeOk ? formatCount(size) : '–' })}
          </button>
        </ToolField>
      )}
      {tools.includes('origin') && (
        <ToolField id="origin" label={t('tools.origin')} value={v.origin} onChange={set('origin')} data>
          <button className="button" data-testid="lesson-connect-origin" disabled={busy} onClick={() => void runGuarded(() => connectTo('echo', { headers: origin(v.origin) }))}>
            {t('tools.connectOrigin')}
          </button>
        </ToolField>
      )}
      {tools.includes('subprotocol') && (
        <ToolField id="subprotocol" label={t('tools.subprotocol')} value={v.subprotocol} onChange={set('subprotocol')} data>
          <button className="button" data-testid="lesson-connect-subprotocol" disabled={busy} onClick={() => void runGuarded(() => connectTo('strict', { subprotocols: list(v.subprotocol) }))}>
            {t('tools.connectSubprotocol')}
          </button>
        </ToolField>
      )}
      {tools.includes('close') && (
        <ToolField id="close-code" label={t('tools.closeCode')} value={v.code} onChange={set('code')}>
          <button className="button" data-testid="lesson-close" disabled={busy || !(code >= 1000 && code <= 4999)} onClick={() => void runGuarded(() => closeWith(code))}>
            {t('tools.close')}
          </button>
        </ToolField>
      )}
    </section>
  );
}

const origin = (text: string): Record<string, string> => (text.trim() ? { Origin: text.trim() } : {});
const list = (text: string): string[] => text.split(',').map((p) => p.trim()).filter(Boolean);

/** A label, its field and the button that uses it. `data`: the value is peer data (not translated). */
function ToolField(props: { id: string; label: string; value: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void; data?: boolean; children: ReactNode }) {
  const id = `lesson-${props.id}`;
  return (
    <div className="lesson-field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} data-testid={id} translate={props.data ? 'no' : undefined} value={props.value} onChange={props.onChange} />
      {props.children}
    </div>
  );
}
