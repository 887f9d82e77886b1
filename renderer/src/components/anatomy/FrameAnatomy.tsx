// A frame taken apart: the RFC 6455 §5.2 bit diagram with its real values, the masking at work
// (§5.3) for masked frames, and the list of fields. Pair it with <HexDump> through the same
// `highlight` / `onHighlight` to link bits and bytes both ways.
import type { ReactNode } from 'react';
import type { Violation } from '../../../../shared/protocol/types';
import { flaggedFields } from '../violations/violation-fields';
import type { AnatomyFrame, FieldName } from './anatomy-frame';
import { BitDiagram } from './BitDiagram';
import { FieldList } from './FieldList';
import { MaskingStrip } from './MaskingStrip';
import './anatomy.css';

export interface FrameAnatomyProps {
  frame: AnatomyFrame;
  highlight: FieldName | null;
  onHighlight(field: FieldName | null): void;
  /** A click pins a field (see useFieldHighlight). */
  onPick?(field: FieldName): void;
  /** The frame's violations: the fields they concern are outlined. */
  violations?: readonly Violation[];
  /** Hide the field table (the crafter shows its own controls instead). */
  compact?: boolean;
  /** Drawn beside the masking strip, under the diagram: the place for a linked <HexDump>. */
  children?: ReactNode;
}

export function FrameAnatomy({ frame, highlight, onHighlight, onPick, violations = [], compact = false, children }: FrameAnatomyProps) {
  const flagged = flaggedFields(violations);
  const masking = frame.masked && frame.maskKey !== null;
  return (
    <div className="frame-anatomy" data-testid="frame-anatomy">
      <BitDiagram frame={frame} highlight={highlight} onHighlight={onHighlight} onPick={onPick} flagged={flagged} />
      {(children || masking) && (
        <div className="anatomy-pair">
          {children}
          {masking && <MaskingStrip frame={frame} highlight={highlight} onHighlight={onHighlight} />}
        </div>
      )}
      {!compact && <FieldList frame={frame} highlight={highlight} onHighlight={onHighlight} onPick={onPick} flagged={flagged} />}
    </div>
  );
}
