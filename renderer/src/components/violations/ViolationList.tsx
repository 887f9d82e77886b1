// Violations shown where they happen: the RFC section broken and one sentence of explanation.
import type { Violation } from '../../../../shared/protocol/types';
import { violationKind } from '../../../../shared/protocol/violations';
import { fieldsOfViolation, sectionLabel } from './violation-fields';
import type { FieldName } from '../anatomy/anatomy-frame';
import './violations.css';

export interface ViolationListProps {
  violations: readonly Violation[];
  /** Where offsets point, for the "at byte N" hint ("of the stream", "of the request"). */
  offsetLabel?: string;
  onPickField?(field: FieldName): void;
}

export function ViolationList({ violations, offsetLabel = 'of the stream', onPickField }: ViolationListProps) {
  if (violations.length === 0) return null;
  return (
    <ul className="violation-list" aria-label="Protocol violations" data-testid="violations">
      {violations.map((v, i) => {
        const field = fieldsOfViolation(v.code)[0];
        return (
          <li key={`${v.code}-${i}`} className="violation" data-code={v.code} title={violationKind(v.code)?.title}>
            <span className="violation-icon" aria-hidden="true">
              ⚠
            </span>
            <span className="violation-section">{sectionLabel(v.section)}</span>
            <span className="violation-message">{v.message}</span>
            <span className="violation-meta muted">
              {v.fatal ? 'decoding stopped here · ' : ''}byte {v.offset.toLocaleString('en-US')} {offsetLabel}
            </span>
            {field && onPickField && (
              <button className="button ghost small" onClick={() => onPickField(field)} title="Highlight the bits this violation is about">
                Show bits
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
