// Hex + ASCII dump of a frame's bytes, coloured by field and linked to the anatomy diagram
// through `highlight` / `onHighlight`. Rows are virtualized so a 16 MiB payload costs the same
// as a 16-byte one. Bytes are text nodes only: a payload is never interpreted as markup.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldName, FieldRange } from '../anatomy/anatomy-frame';
import { byteRangeOf, fieldsAtByte, primaryFieldAt } from '../anatomy/anatomy-frame';
import { FIELD_COLOUR, fieldLabel } from '../anatomy/field-info';
import '../anatomy/anatomy.css';
import './hex-dump.css';

export interface HexDumpProps {
  bytes: Uint8Array;
  ranges: FieldRange[];
  highlight: FieldName | null;
  onHighlight(field: FieldName | null): void;
  onPick?(field: FieldName): void;
  /** When given, the ASCII column shows the payload unmasked (the hex column stays as on the wire). */
  maskKey?: Uint8Array | null;
  /** Rows visible before the dump scrolls. */
  maxRows?: number;
  label?: string;
}

const PER_ROW = 16;
const ROW_HEIGHT = 20;
const HEX_DIGITS = '0123456789abcdef';

function hex2(b: number): string {
  return (HEX_DIGITS[b >> 4] as string) + (HEX_DIGITS[b & 15] as string);
}

function printable(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·';
}

export function HexDump({ bytes, ranges, highlight, onHighlight, onPick, maskKey = null, maxRows = 16, label }: HexDumpProps) {
  const { t } = useTranslation('components');
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = Math.ceil(bytes.length / PER_ROW);
  const offsetDigits = bytes.length > 0xffff ? 8 : 4;
  const hl = byteRangeOf(ranges, highlight);
  const payload = byteRangeOf(ranges, 'payload');
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  // Bring a highlighted field into view when it was picked elsewhere (the diagram, a violation).
  const hlStart = hl?.[0] ?? null;
  useEffect(() => {
    if (hlStart !== null && hlStart < bytes.length) virtualizer.scrollToIndex(Math.floor(hlStart / PER_ROW), { align: 'auto' });
  }, [hlStart, bytes.length, virtualizer]);

  const unmasked = useMemo(() => {
    if (maskKey === null || payload === null) return null;
    return (at: number, b: number) => (at >= payload[0] && at < payload[1] ? b ^ (maskKey[(at - payload[0]) & 3] as number) : b);
  }, [maskKey, payload]);

  if (bytes.length === 0) return <div className="hex-dump empty muted">{t('hex.empty')}</div>;

  const height = Math.min(rowCount, maxRows) * ROW_HEIGHT;
  return (
    <div className="hex-dump" aria-label={label ?? t('hex.label')} data-testid="hex-dump" onMouseLeave={() => onHighlight(null)}>
      <div className="hex-head" aria-hidden="true">
        <span className="hex-offset" style={{ minWidth: `${offsetDigits}ch` }}>
          {t('hex.offset')}
        </span>
        <span className="hex-bytes">
          {Array.from({ length: PER_ROW }, (_, i) => (
            <span key={i} className="hx head">
              {hex2(i)}
            </span>
          ))}
        </span>
        <span className="hex-ascii">{unmasked ? t('hex.asciiUnmasked') : t('hex.ascii')}</span>
      </div>
      <div className="hex-scroll" translate="no" ref={scrollRef} style={{ height }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const first = item.index * PER_ROW;
            const cells = bytes.subarray(first, Math.min(first + PER_ROW, bytes.length));
            return (
              <div key={item.key} className="hex-row" style={{ transform: `translateY(${item.start}px)` }}>
                <span className="hex-offset">{first.toString(16).padStart(offsetDigits, '0')}</span>
                <span className="hex-bytes">
                  {Array.from(cells, (b, i) => (
                    <ByteCell key={i} at={first + i} text={hex2(b)} ranges={ranges} lit={hl !== null && first + i >= hl[0] && first + i < hl[1]} onHighlight={onHighlight} onPick={onPick} />
                  ))}
                </span>
                <span className="hex-ascii">
                  {Array.from(cells, (b, i) => (
                    <ByteCell key={i} at={first + i} text={printable(unmasked ? unmasked(first + i, b) : b)} ranges={ranges} lit={hl !== null && first + i >= hl[0] && first + i < hl[1]} onHighlight={onHighlight} onPick={onPick} ascii />
                  ))}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface ByteCellProps {
  at: number;
  text: string;
  ranges: FieldRange[];
  lit: boolean;
  ascii?: boolean;
  onHighlight(field: FieldName | null): void;
  onPick?(field: FieldName): void;
}

function ByteCell({ at, text, ranges, lit, ascii = false, onHighlight, onPick }: ByteCellProps) {
  const field = primaryFieldAt(ranges, at);
  const colour = field ? `field-${FIELD_COLOUR[field]}` : 'field-none';
  const { t } = useTranslation('components');
  const names = fieldsAtByte(ranges, at).map(fieldLabel);
  return (
    <span
      className={`hx ${ascii ? 'ch' : ''} ${colour}${lit ? ' is-hl' : ''}`}
      title={names.length > 0 ? t('hex.byteTipFields', { at, fields: names.join(', ') }) : t('hex.byteTip', { at })}
      data-at={at}
      onMouseEnter={() => onHighlight(field)}
      onClick={() => field && onPick?.(field)}
    >
      {text}
    </span>
  );
}
