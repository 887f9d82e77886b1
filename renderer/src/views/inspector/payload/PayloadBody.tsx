// One payload in the mode the user picks: text, JSON tree or hex. Text is a text node inside
// <pre>: a payload full of <script> tags is shown as those characters, never run.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HexDump } from '../../../components/hex/HexDump';
import { formatCount } from '../../../format';
import { JsonTree } from './JsonTree';
import { decodeText, defaultMode, parseJson, type PayloadMode } from './payload-content';

export interface PayloadBodyProps {
  bytes: Uint8Array;
  opcode: number;
  /** The whole payload's size when known (a compressed message counted past what was kept). */
  total?: number;
  /** True when `bytes` is only the first part of the payload. */
  truncated?: boolean;
  testId?: string;
}

const MODES: readonly PayloadMode[] = ['text', 'json', 'hex'];

export function PayloadBody({ bytes, opcode, truncated = false, total, testId }: PayloadBodyProps) {
  const { t } = useTranslation('inspector');
  const json = useMemo(() => parseJson(bytes), [bytes]);
  const [chosen, setChosen] = useState<PayloadMode | null>(null);
  const mode = chosen === 'json' && json === null ? 'text' : (chosen ?? defaultMode(opcode, bytes, json));

  return (
    <div className="payload-body" data-testid={testId}>
      <div className="segmented small" role="tablist" aria-label={t('payload.modes')}>
        {MODES.map((m) => (
          <button
            key={m}
            role="tab"
            aria-selected={mode === m}
            className={mode === m ? 'seg on' : 'seg'}
            disabled={m === 'json' && json === null}
            title={m === 'json' && json === null ? t('payload.notJson') : undefined}
            onClick={() => setChosen(m)}
          >
            {t(`payload.mode.${m}`)}
          </button>
        ))}
      </div>
      {bytes.length === 0 ? (
        <p className="muted note">{t('payload.empty')}</p>
      ) : mode === 'json' && json !== null ? (
        <JsonTree value={json} />
      ) : mode === 'hex' ? (
        <HexDump bytes={bytes} ranges={[{ field: 'payload', start: 0, end: bytes.length }]} highlight={null} onHighlight={() => {}} maxRows={16} label={t('payload.payloadBytes')} />
      ) : (
        <PayloadText bytes={bytes} />
      )}
      {truncated && (
        <p className="muted note" data-testid="payload-kept">
          {total !== undefined && total > bytes.length
            ? t('payload.keptDisplay', { kept: formatCount(bytes.length), total: formatCount(total) })
            : t('payload.keptCapture', { kept: formatCount(bytes.length) })}
        </p>
      )}
    </div>
  );
}

function PayloadText({ bytes }: { bytes: Uint8Array }) {
  const { t } = useTranslation('inspector');
  const decoded = useMemo(() => decodeText(bytes), [bytes]);
  return (
    <>
      {decoded.invalidAt >= 0 && (
        <p className="note warn-note">
          {t('payload.invalidUtf8', { at: formatCount(decoded.invalidAt) })}
        </p>
      )}
      <pre className="payload-text" data-testid="payload-text" translate="no">
        {decoded.text}
      </pre>
      {decoded.cut && <p className="muted note">{t('payload.textCut')}</p>}
    </>
  );
}
