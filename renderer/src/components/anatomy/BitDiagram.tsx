// The RFC 6455 §5.2 base framing diagram, drawn with the selected frame's real bits: 32 columns
// per row, one coloured segment per field, linked to the hex dump through `highlight`.
import { useTranslation } from 'react-i18next';
import { toHex } from '../../../../shared/protocol/hex';
import type { AnatomyFrame, FieldName } from './anatomy-frame';
import { ROW_BITS, bitLayout, type BitSegment } from './bit-layout';
import { FIELD_COLOUR, fieldBits, fieldLabel, fieldMeaning, fieldValue } from './field-info';

export interface BitDiagramProps {
  frame: AnatomyFrame;
  highlight: FieldName | null;
  onHighlight(field: FieldName | null): void;
  onPick?(field: FieldName): void;
  /** Fields a violation points at: outlined in the danger colour. */
  flagged?: ReadonlySet<FieldName>;
}

const COLUMNS = Array.from({ length: ROW_BITS }, (_, i) => i);

export function BitDiagram({ frame, highlight, onHighlight, onPick, flagged }: BitDiagramProps) {
  const { t } = useTranslation('components');
  const layout = bitLayout(frame);
  return (
    <div className="bit-diagram" role="group" aria-label={t('anatomy.diagramLabel')} onMouseLeave={() => onHighlight(null)}>
      <div className="bit-row bit-ruler" aria-hidden="true">
        <span className="bit-row-label" />
        <div className="bit-grid">
          {COLUMNS.map((c) => (
            <span key={c} className={c % 8 === 0 ? 'bit-tick major' : 'bit-tick'}>
              {c % 8 === 0 ? c : c % 10}
            </span>
          ))}
        </div>
      </div>
      {layout.rows.map((segments, row) => (
        <div className="bit-row" key={row}>
          <span className="bit-row-label" title={t('anatomy.rowBytes', { from: row * 4, to: row * 4 + 3 })}>
            +{row * 4}
          </span>
          <div className="bit-grid">
            {segments.map((s) => (
              <Segment
                key={`${s.field}-${s.row}`}
                frame={frame}
                segment={s}
                active={highlight === s.field}
                dimmed={highlight !== null && highlight !== s.field}
                flagged={flagged?.has(s.field) ?? false}
                onHighlight={onHighlight}
                onPick={onPick}
              />
            ))}
          </div>
        </div>
      ))}
      {frame.payloadLength > layout.payloadBytesShown && (
        <div className="bit-row bit-more">
          <span className="bit-row-label" />
          <span className="bit-more-text">
            {t('anatomy.morePayload', { count: frame.payloadLength - layout.payloadBytesShown })}
          </span>
        </div>
      )}
      {frame.payloadLength === 0 && (
        <div className="bit-row bit-more">
          <span className="bit-row-label" />
          <span className="bit-more-text">{t('anatomy.noPayload')}</span>
        </div>
      )}
    </div>
  );
}

interface SegmentProps {
  frame: AnatomyFrame;
  segment: BitSegment;
  active: boolean;
  dimmed: boolean;
  flagged: boolean;
  onHighlight(field: FieldName | null): void;
  onPick?(field: FieldName): void;
}

function Segment({ frame, segment: s, active, dimmed, flagged, onHighlight, onPick }: SegmentProps) {
  const { t } = useTranslation('components');
  const label = fieldLabel(s.field);
  const labelled = s.part === 'only' || s.part === 'first';
  const value = fieldValue(frame, s.field);
  const classes = ['bit-seg', `field-${FIELD_COLOUR[s.field]}`, s.span <= 1 ? 'narrow' : '', active ? 'is-hl' : '', dimmed ? 'is-dim' : '', flagged ? 'is-flagged' : ''];
  return (
    <div
      role="button"
      tabIndex={0}
      className={classes.join(' ')}
      style={{ gridColumn: `${s.col + 1} / span ${s.span}` }}
      title={t('anatomy.segmentTitle', { field: label, value, meaning: fieldMeaning(s.field) })}
      data-field={s.field}
      aria-pressed={active}
      onMouseEnter={() => onHighlight(s.field)}
      onFocus={() => onHighlight(s.field)}
      onClick={() => onPick?.(s.field)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick?.(s.field);
        }
      }}
    >
      {s.field === 'payload' ? <PayloadCells frame={frame} segment={s} /> : <BitCells frame={frame} segment={s} />}
      <span className="bit-seg-label">
        {s.span <= 1 ? (
          label
        ) : labelled ? (
          <>
            {label}
            <span className="bit-seg-value">{value}</span>
          </>
        ) : (
          <span className="bit-seg-cont">{t('anatomy.continued', { field: label })}</span>
        )}
      </span>
    </div>
  );
}

function BitCells({ frame, segment: s }: { frame: AnatomyFrame; segment: BitSegment }) {
  const known = frame.headerBytes.length * 8;
  const bits = fieldBits(frame.headerBytes, s.bitStart, s.bitStart + s.span);
  return (
    <span className="bit-cells" style={{ gridTemplateColumns: `repeat(${s.span}, 1fr)` }}>
      {Array.from(bits, (b, i) => (
        <span key={i} className={b === '1' ? 'bit one' : 'bit'}>
          {s.bitStart + i < known ? b : '?'}
        </span>
      ))}
    </span>
  );
}

function PayloadCells({ frame, segment: s }: { frame: AnatomyFrame; segment: BitSegment }) {
  const payloadStartBit = frame.headerBytes.length * 8;
  const first = Math.max(0, (s.bitStart - payloadStartBit) / 8);
  const count = s.span / 8;
  const wire = frame.wirePayload.subarray(first, first + count);
  return (
    <span className="bit-cells bytes" style={{ gridTemplateColumns: `repeat(${count}, 1fr)` }}>
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="byte">
          {i < wire.length ? toHex(wire.subarray(i, i + 1)) : '··'}
        </span>
      ))}
    </span>
  );
}
