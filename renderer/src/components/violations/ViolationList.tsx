// Violations shown where they happen: the RFC section broken, the rule's title and one sentence of
// explanation, in the UI language (violation-text.ts; the RFC section is never translated).
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../../../shared/protocol/types';
import { formatCount } from '../../format';
import { fieldsOfViolation, sectionLabel } from './violation-fields';
import { violationText } from './violation-text';
import type { FieldName } from '../anatomy/anatomy-frame';
import './violations.css';

export interface ViolationListProps {
  violations: readonly Violation[];
  /** Where offsets point, for the "at byte N" hint: the stream (default), a handshake head, a crafted frame. */
  offsetIn?: 'stream' | 'head' | 'frame';
  /** The same, as text already in the UI language (wins over offsetIn). */
  offsetLabel?: string;
  onPickField?(field: FieldName): void;
}

export function ViolationList({ violations, offsetIn = 'stream', offsetLabel, onPickField }: ViolationListProps) {
  const { t } = useTranslation('components');
  if (violations.length === 0) return null;
  const where = offsetLabel ?? t(`violations.in.${offsetIn}`);
  return (
    <ul className="violation-list" aria-label={t('violations.label')} data-testid="violations">
      {violations.map((v, i) => {
        const field = fieldsOfViolation(v.code)[0];
        const text = violationText(v);
        return (
          <li key={`${v.code}-${i}`} className="violation" data-code={v.code}>
            <span className="violation-icon" aria-hidden="true">
              ⚠
            </span>
            <span className="violation-section" translate="no">
              {sectionLabel(v.section)}
            </span>
            <span className="violation-message" translate={text.translated ? undefined : 'no'}>
              <strong className="violation-title">{text.title}</strong> {text.explanation}
            </span>
            <span className="violation-meta muted">
              {v.fatal ? `${t('violations.stopped')} · ` : ''}
              {t('violations.at', { offset: formatCount(v.offset), where })}
            </span>
            {field && onPickField && (
              <button className="button ghost small" onClick={() => onPickField(field)} title={t('violations.showBitsTitle')}>
                {t('violations.showBits')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
