// One row of the frame table. Everything is a text node: previews are hostile bytes.
import { memo } from 'react';
import type { FrameSummary } from '../../../../../shared/model';
import { opcodeName } from '../../../../../shared/protocol/opcodes';
import '../../../components/direction-arrow/direction-arrow.css';
import { opcodeClass } from '../../../components/opcode-badge/OpcodeBadge';
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
  return a.index === b.index && a.selected === b.selected && a.timeBase === b.timeBase && a.onSelect === b.onSelect && a.onOpen === b.onOpen && sameRow(a.row, b.row);
}

const COUNT = new Intl.NumberFormat('en-US');

/**
 * Tooltips are written when the pointer reaches a cell, not for every row drawn: scrolling a
 * million rows should not pay for formatting dates nobody hovers.
 */
function tipFor(col: string | undefined, r: FrameSummary): string {
  switch (col) {
    case 'num':
      return `Frame ${r.id} of the capture; #${r.index} from the ${r.from} on connection ${r.connectionId}`;
    case 'time':
      return formatAbsolute(r.time);
    case 'dir':
      return r.from === 'client' ? 'Sent by the client: client → server' : 'Sent by the server: server → client';
    case 'opcode':
      return `opcode 0x${r.opcode.toString(16)}${r.rsv1 && r.opcode !== 0 ? ', RSV1 set (compressed)' : ''}`;
    case 'fin':
      return r.fin ? 'FIN = 1: the final fragment of its message' : 'FIN = 0: more fragments follow';
    case 'rsv':
      return `RSV1 = ${r.rsv1 ? 1 : 0}, RSV2 = ${r.rsv2 ? 1 : 0}, RSV3 = ${r.rsv3 ? 1 : 0}`;
    case 'mask':
      return r.masked ? 'MASK = 1: the payload is masked' : 'MASK = 0: not masked';
    case 'len':
      return `${COUNT.format(r.payloadLength)} payload bytes + ${r.headerLength} header bytes`;
    case 'warn':
      return r.violationCount > 0 ? `${r.violationCount} protocol violation${r.violationCount === 1 ? '' : 's'}: open the frame to see which RFC rule` : '';
    default:
      return '';
  }
}

export const FrameRow = memo(function FrameRow({ index, row, selected, timeBase, onSelect, onOpen }: FrameRowProps) {
  if (row === undefined) {
    return (
      <div className="frame-row loading" role="row" aria-rowindex={index + 2}>
        <span className="cell num">{index + 1}</span>
        <span className="cell">…</span>
      </div>
    );
  }
  if (row.gap !== undefined) {
    // Not a frame: frames of this connection that passed unrecorded (paused, or the capture was full).
    return (
      <div className={`frame-row gap${selected ? ' selected' : ''}`} role="row" aria-rowindex={index + 2} data-frame-id={row.id} data-testid="gap-row">
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
        if (cell && !cell.title) cell.title = tipFor(cell.dataset.col, row);
      }}
    >
      <span className="cell num" role="gridcell" data-col="num">
        {row.id}
      </span>
      <span className="cell time" role="gridcell" data-col="time">
        {timeBase === null ? formatAbsolute(row.time).slice(11) : formatRelativeSeconds(row.time - timeBase)}
      </span>
      <span className="cell" role="gridcell" data-col="dir">
        <span className={`direction-arrow ${row.from}`}>{row.from === 'client' ? 'C → S' : 'S → C'}</span>
      </span>
      <span className="cell conn" role="gridcell">
        {`#${row.connectionId}`}
      </span>
      <span className="cell" role="gridcell" data-col="opcode">
        <span className={`opcode-badge ${opcodeClass(row.opcode)}`}>
          {opcodeName(row.opcode)}
          {row.rsv1 && row.opcode !== 0 && <span className="opcode-badge-z"> ·z</span>}
        </span>
      </span>
      <span className={row.fin ? 'cell flag' : 'cell flag off'} role="gridcell" data-col="fin">
        {row.fin ? '1' : '0'}
      </span>
      <span className={anyRsv ? 'cell flag on' : 'cell flag off'} role="gridcell" data-col="rsv">
        {rsvText(row)}
      </span>
      <span className={row.masked ? 'cell flag' : 'cell flag off'} role="gridcell" data-col="mask">
        {row.masked ? '1' : '0'}
      </span>
      <span className="cell len" role="gridcell" data-col="len">
        {COUNT.format(row.payloadLength)}
      </span>
      <span className="cell preview" role="gridcell">
        {row.incomplete && <span className="tag danger">incomplete</span>}
        {row.injected && <span className="tag">injected</span>}
        <SafeText text={row.preview} />
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

export function FrameTableHeader() {
  return (
    <div className="frame-row frame-head" role="row" aria-rowindex={1}>
      <span className="cell num" role="columnheader">No.</span>
      <span className="cell time" role="columnheader" title="Seconds since the connection opened (since the first connection when showing all)">Time (s)</span>
      <span className="cell" role="columnheader">Dir</span>
      <span className="cell conn" role="columnheader">Conn</span>
      <span className="cell" role="columnheader">Opcode</span>
      <span className="cell flag" role="columnheader" title="FIN bit">FIN</span>
      <span className="cell flag" role="columnheader" title="RSV1 RSV2 RSV3">RSV</span>
      <span className="cell flag" role="columnheader" title="MASK bit">MASK</span>
      <span className="cell len" role="columnheader">Length</span>
      <span className="cell preview" role="columnheader">Payload</span>
      <span className="cell warn" role="columnheader" title="Protocol violations">⚠</span>
    </div>
  );
}
