// One row of the frame table. Everything is a text node: previews are hostile bytes.
import type { TFunction } from 'i18next';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameSummary } from '../../../../../shared/model';
import '../../../components/direction-arrow/direction-arrow.css';
import { COMPRESSED_MARK, opcodeClass } from '../../../components/opcode-badge/OpcodeBadge';
import { opcodeLabel } from '../../../components/opcode-badge/opcode-label';
import { formatCount } from '../../../format';
import { formatAbsolute, formatRelativeSeconds } from './time-format';
import { SafeText } from '../../../components/safe-text/SafeText';

export interface FrameRowProps {
  index: number;
  row: FrameSummary | undefined;
  selected: boolean;
  /** µs the Time column counts from, or null to print wall-clock times. */
  timeBase: number | null;
  onSelect(index: number, row: FrameSummary): void;
  onOpen(index: number, row: FrameSummary): void;
  words: RowWords;
}

/**
 * The words every row shows, translated once per language by the table (useRowWords), not by
 * each of the rows a scroll mounts: a row that subscribes to i18next costs more than it draws.
 */
export interface RowWords {
  language: string;
  direction: Record<FrameSummary['from'], string>;
  incomplete: string;
  injected: string;
  tip(col: string | undefined, r: FrameSummary): string;
}

export function useRowWords(): RowWords {
  const { t, i18n } = useTranslation(['inspector', 'components']);
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      direction: { client: t('components:direction.short.client'), server: t('components:direction.short.server') },
      incomplete: t('table.incomplete'),
      injected: t('table.injected'),
      tip: (col, r) => tipFor(t, col, r),
    }),
    // t changes with the language; the language names the words.
    [t, language],
  );
}

function rsvText(r: FrameSummary): string {
  return `${r.rsv1 ? 1 : 0}${r.rsv2 ? 1 : 0}${r.rsv3 ? 1 : 0}`;
}

/** Pages are re-fetched as the capture grows; a row whose content did not change is not redrawn. */
function sameRow(a: FrameSummary | undefined, b: FrameSummary | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.id === b.id && a.violationCount === b.violationCount && a.incomplete === b.incomplete && a.preview === b.preview && a.payloadLength === b.payloadLength;
}

function sameProps(a: FrameRowProps, b: FrameRowProps): boolean {
  return a.index === b.index && a.selected === b.selected && a.timeBase === b.timeBase && a.onSelect === b.onSelect && a.onOpen === b.onOpen && a.words === b.words && sameRow(a.row, b.row);
}

/**
 * Tooltips are written when the pointer reaches a cell, not for every row drawn: scrolling a
 * million rows should not pay for formatting dates nobody hovers.
 */
function tipFor(t: TFunction<['inspector', 'components']>, col: string | undefined, r: FrameSummary): string {
  switch (col) {
    case 'num':
      return t('table.tip.num', { id: r.id, index: r.index, peer: t(`table.tip.peer.${r.from}`), connection: r.connectionId });
    case 'time':
      return formatAbsolute(r.time);
    case 'dir':
      return t(`components:direction.sentBy.${r.from}`);
    case 'opcode':
      return r.rsv1 && r.opcode !== 0 ? t('table.tip.opcodeCompressed', { hex: r.opcode.toString(16) }) : t('table.tip.opcode', { hex: r.opcode.toString(16) });
    case 'fin':
      return r.fin ? t('table.tip.fin1') : t('table.tip.fin0');
    case 'rsv':
      return `RSV1 = ${r.rsv1 ? 1 : 0}, RSV2 = ${r.rsv2 ? 1 : 0}, RSV3 = ${r.rsv3 ? 1 : 0}`;
    case 'mask':
      return r.masked ? t('table.tip.mask1') : t('table.tip.mask0');
    case 'len':
      return t('table.tip.len', { payload: formatCount(r.payloadLength), header: r.headerLength });
    case 'warn':
      return r.violationCount > 0 ? t('table.tip.violations', { count: r.violationCount }) : '';
    default:
      return '';
  }
}

export const FrameRow = memo(function FrameRow({ index, row, selected, timeBase, onSelect, onOpen, words }: FrameRowProps) {
  const ref = useRef<HTMLDivElement>(null);
  const frameId = row?.id;
  useLayoutEffect(() => {
    // The row element now shows another frame (rows are reused as the table scrolls or a live
    // capture grows): tooltips written for the last one go, since a resting pointer gets no new
    // mouseover to rewrite them.
    for (const cell of ref.current?.querySelectorAll<HTMLElement>('[data-tip]') ?? []) {
      cell.removeAttribute('title');
      delete cell.dataset.tip;
    }
  }, [frameId]);
  if (row === undefined) {
    return (
      <div ref={ref} className="frame-row loading" role="row" aria-rowindex={index + 2}>
        <span className="cell num">{index + 1}</span>
        <span className="cell">…</span>
      </div>
    );
  }
  if (row.gap !== undefined) {
    // Not a frame: frames of this connection that passed unrecorded (paused, or the capture was full).
    return (
      <div ref={ref} className={`frame-row gap${selected ? ' selected' : ''}`} role="row" aria-rowindex={index + 2} data-frame-id={row.id} data-testid="gap-row">
        <span className="cell num" role="gridcell">
          {row.id}
        </span>
        <span className="cell time" role="gridcell">
          {timeBase === null ? formatAbsolute(row.time).slice(11) : formatRelativeSeconds(row.time - timeBase)}
        </span>
        <span className="cell gap-text" role="gridcell">
          {`#${row.connectionId} · ${row.preview}`}
        </span>
      </div>
    );
  }
  const classes = `frame-row ${row.from}${selected ? ' selected' : ''}${row.violationCount > 0 ? ' has-violation' : ''}`;
  const anyRsv = row.rsv1 || row.rsv2 || row.rsv3;
  return (
    <div
      ref={ref}
      className={classes}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-frame-id={row.id}
      data-testid="frame-row"
      onClick={() => onSelect(index, row)}
      onDoubleClick={() => onOpen(index, row)}
      onMouseOver={(e) => {
        const cell = (e.target as Element).closest<HTMLElement>('.cell');
        // Rows are reused for other frames as the table scrolls, and the language can change: a
        // tooltip written for another frame or language is written again.
        const stamp = `${row.id}/${words.language}`;
        if (cell && cell.dataset.tip !== stamp) {
          cell.title = words.tip(cell.dataset.col, row);
          cell.dataset.tip = stamp;
        }
      }}
    >
      <span className="cell num" role="gridcell" data-col="num">
        {row.id}
      </span>
      <span className="cell time" role="gridcell" data-col="time">
        {timeBase === null ? formatAbsolute(row.time).slice(11) : formatRelativeSeconds(row.time - timeBase)}
      </span>
      <span className="cell" role="gridcell" data-col="dir">
        <span className={`direction-arrow ${row.from}`}>{words.direction[row.from]}</span>
      </span>
      <span className="cell conn" role="gridcell">
        {`#${row.connectionId}`}
      </span>
      <span className="cell" role="gridcell" data-col="opcode">
        <span className={`opcode-badge ${opcodeClass(row.opcode)}`}>
          {opcodeLabel(row.opcode)}
          {row.rsv1 && row.opcode !== 0 && <span className="opcode-badge-z">{COMPRESSED_MARK}</span>}
        </span>
      </span>
      <span className={row.fin ? 'cell flag' : 'cell flag off'} role="gridcell" data-col="fin">
        {row.fin ? '1' : '0'}
      </span>
      <span className={anyRsv ? 'cell flag rsv on' : 'cell flag rsv off'} role="gridcell" data-col="rsv">
        {rsvText(row)}
      </span>
      <span className={row.masked ? 'cell flag' : 'cell flag off'} role="gridcell" data-col="mask">
        {row.masked ? '1' : '0'}
      </span>
      <span className="cell len" role="gridcell" data-col="len">
        {formatCount(row.payloadLength)}
      </span>
      <span className="cell preview" role="gridcell">
        {row.incomplete && <span className="tag danger">{words.incomplete}</span>}
        {row.injected && <span className="tag">{words.injected}</span>}
        <span translate="no">
          <SafeText text={row.preview} />
        </span>
      </span>
      <span className="cell warn" role="gridcell" data-col="warn">
        {row.violationCount > 0 && (
          <span className="violation-badge" data-testid="violation-badge">
            {`⚠ ${row.violationCount}`}
          </span>
        )}
      </span>
    </div>
  );
}, sameProps);

/** Bit names of RFC 6455 §5.2, written the same in every language. */
const BIT_COLUMNS = { fin: 'FIN', rsv: 'RSV', mask: 'MASK', warn: '⚠' };

type HeaderKey = 'num' | 'time' | 'dir' | 'conn' | 'opcode' | 'length' | 'payload';
type TitleKey = 'timeTitle' | 'finTitle' | 'rsvTitle' | 'maskTitle' | 'violationsTitle';

/** The header cells, in the order of --frame-cols: a translated name or a bit name, and a tooltip. */
const HEADER: Array<{ className: string; label: HeaderKey | keyof typeof BIT_COLUMNS; bit?: true; title?: TitleKey }> = [
  { className: 'num', label: 'num' },
  { className: 'time', label: 'time', title: 'timeTitle' },
  { className: '', label: 'dir' },
  { className: 'conn', label: 'conn' },
  { className: '', label: 'opcode' },
  { className: 'flag', label: 'fin', bit: true, title: 'finTitle' },
  { className: 'flag rsv', label: 'rsv', bit: true, title: 'rsvTitle' },
  { className: 'flag', label: 'mask', bit: true, title: 'maskTitle' },
  { className: 'len', label: 'length' },
  { className: 'preview', label: 'payload' },
  { className: 'warn', label: 'warn', bit: true, title: 'violationsTitle' },
];

export function FrameTableHeader() {
  const { t } = useTranslation('inspector');
  return (
    <div className="frame-row frame-head" role="row" aria-rowindex={1}>
      {HEADER.map((h) => (
        <span key={h.label} className={`cell ${h.className}`} role="columnheader" title={h.title ? t(`table.col.${h.title}`) : undefined}>
          {h.bit ? BIT_COLUMNS[h.label as keyof typeof BIT_COLUMNS] : t(`table.col.${h.label as HeaderKey}`)}
        </span>
      ))}
    </div>
  );
}
