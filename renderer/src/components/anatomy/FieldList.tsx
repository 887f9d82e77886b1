// The frame's fields as a list: where each sits, its raw bits, what it says and why it exists.
// Hovering a row highlights the field in the diagram and the hex dump, like the diagram does.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toHex } from '../../../../shared/protocol/hex';
import type { AnatomyFrame, FieldName, FieldRange } from './anatomy-frame';
import { FIELD_COLOUR, fieldBits, fieldLabel, fieldMeaning, fieldSection, fieldValue } from './field-info';

export interface FieldListProps {
  frame: AnatomyFrame;
  highlight: FieldName | null;
  onHighlight(field: FieldName | null): void;
  onPick?(field: FieldName): void;
  flagged?: ReadonlySet<FieldName>;
}

function position(t: TFunction<'components'>, r: FieldRange): string {
  if (r.bitStart !== undefined && r.bitEnd !== undefined) {
    return r.bitEnd - r.bitStart === 1 ? t('fieldList.bit', { n: r.bitStart }) : t('fieldList.bits', { from: r.bitStart, to: r.bitEnd - 1 });
  }
  return r.end - r.start === 1 ? t('fieldList.byte', { n: r.start }) : t('fieldList.bytes', { from: r.start, to: r.end - 1 });
}

function raw(frame: AnatomyFrame, r: FieldRange): string {
  if (r.bitStart !== undefined && r.bitEnd !== undefined) return fieldBits(frame.headerBytes, r.bitStart, r.bitEnd);
  if (r.field === 'payload') {
    const shown = frame.wirePayload.subarray(0, 8);
    return shown.length === 0 ? '—' : toHex(shown) + (frame.wirePayload.length > 8 ? ' …' : '');
  }
  return toHex(frame.headerBytes.subarray(r.start, r.end));
}

export function FieldList({ frame, highlight, onHighlight, onPick, flagged }: FieldListProps) {
  const { t } = useTranslation('components');
  return (
    <table className="field-list" onMouseLeave={() => onHighlight(null)}>
      <thead>
        <tr>
          <th>{t('fieldList.field')}</th>
          <th>{t('fieldList.where')}</th>
          <th>{t('fieldList.wire')}</th>
          <th>{t('fieldList.value')}</th>
          <th>{t('fieldList.meaning')}</th>
        </tr>
      </thead>
      <tbody>
        {frame.fields.map((r) => (
          <tr
            key={r.field}
            className={[highlight === r.field ? 'is-hl' : '', flagged?.has(r.field) ? 'is-flagged' : ''].join(' ')}
            onMouseEnter={() => onHighlight(r.field)}
            onClick={() => onPick?.(r.field)}
            data-field={r.field}
          >
            <td>
              <span className={`field-swatch field-${FIELD_COLOUR[r.field]}`} aria-hidden="true" />
              {fieldLabel(r.field)}
            </td>
            <td className="mono muted">{position(t, r)}</td>
            <td className="mono" translate="no">
              {raw(frame, r)}
            </td>
            <td className="mono field-list-value">{fieldValue(frame, r.field)}</td>
            <td className="field-list-meaning" title={fieldSection(r.field)}>
              {fieldMeaning(r.field)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
