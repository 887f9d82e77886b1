// Filters (direction, opcode, payload text or regex, violations only), counts and follow live.
import { memo, useEffect, useRef, useState, type RefObject } from 'react';
import type { Peer } from '../../../../shared/model';
import { opcodeClass } from '../../components/opcode-badge/OpcodeBadge';
import { formatCount } from '../../format';
import { useStore } from '../../store';
import { isFilterActive } from '../../store/inspector-slice';
import { SearchProgress } from './SearchProgress';

const RESERVED = [3, 4, 5, 6, 7, 11, 12, 13, 14, 15];
const OPCODE_CHIPS: Array<{ label: string; opcodes: number[] }> = [
  { label: 'text', opcodes: [1] },
  { label: 'binary', opcodes: [2] },
  { label: 'continuation', opcodes: [0] },
  { label: 'close', opcodes: [8] },
  { label: 'ping', opcodes: [9] },
  { label: 'pong', opcodes: [10] },
  { label: 'reserved', opcodes: RESERVED },
];
const DIRECTIONS: Array<{ value: Peer | null; label: string; title: string }> = [
  { value: null, label: 'Both', title: 'Frames in both directions' },
  { value: 'client', label: 'C → S', title: 'Only frames the client sent to the server' },
  { value: 'server', label: 'S → C', title: 'Only frames the server sent to the client' },
];

export interface InspectorToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  /** Rows matching the filters (null while the first page loads). */
  matching: number | null;
  /** Frames in scope before filtering (the selected connection's, or the whole capture's). */
  inScope: number;
  regexError: string | null;
}

export const InspectorToolbar = memo(function InspectorToolbar({ searchRef, matching, inScope, regexError }: InspectorToolbarProps) {
  const filter = useStore((s) => s.inspectorFilter);
  const setFilter = useStore((s) => s.setInspectorFilter);
  const clearFilter = useStore((s) => s.clearInspectorFilter);
  const [draft, setDraft] = useState(filter.text);
  const lastSent = useRef(filter.text);

  // Typing re-filters a million rows in the engine: wait for a pause in typing first.
  useEffect(() => {
    if (draft === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = draft;
      setFilter({ text: draft });
    }, 180);
    return () => clearTimeout(timer);
  }, [draft, setFilter]);

  // "Clear filters" empties the store; mirror it in the box.
  useEffect(() => {
    if (filter.text !== lastSent.current) {
      lastSent.current = filter.text;
      setDraft(filter.text);
    }
  }, [filter.text]);

  const toggleOpcodes = (opcodes: number[]) => {
    const on = opcodes.every((o) => filter.opcodes.includes(o));
    setFilter({ opcodes: on ? filter.opcodes.filter((o) => !opcodes.includes(o)) : [...filter.opcodes, ...opcodes.filter((o) => !filter.opcodes.includes(o))] });
  };

  return (
    <div className="inspector-toolbar" role="toolbar" aria-label="Frame filters">
      <div className="segmented" role="group" aria-label="Direction">
        {DIRECTIONS.map((d) => (
          <button key={d.label} className={`seg${filter.from === d.value ? ' on' : ''}${d.value ? ` dir-${d.value}` : ''}`} aria-pressed={filter.from === d.value} title={d.title} onClick={() => setFilter({ from: d.value })}>
            {d.label}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label="Opcodes">
        {OPCODE_CHIPS.map((c) => {
          const on = c.opcodes.every((o) => filter.opcodes.includes(o));
          return (
            <button key={c.label} className={`chip ${opcodeClass(c.opcodes[0]!)}${on ? ' on' : ''}`} aria-pressed={on} onClick={() => toggleOpcodes(c.opcodes)} title={`Show only ${c.label} frames (combine several)`}>
              {c.label}
            </button>
          );
        })}
      </div>
      <div className={`search${regexError ? ' invalid' : ''}`}>
        <input
          ref={searchRef}
          className="input search-input"
          type="search"
          placeholder={filter.regex ? 'Regular expression…' : 'Search payloads…'}
          title="Search whole payloads: messages reassembled and inflated (Ctrl+F)"
          aria-label="Search payloads"
          aria-invalid={regexError !== null}
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
          data-testid="filter-search"
        />
        <button className={`chip regex${filter.regex ? ' on' : ''}`} aria-pressed={filter.regex} title="Treat the search as a regular expression" onClick={() => setFilter({ regex: !filter.regex })}>
          .*
        </button>
        {regexError && (
          <span className="search-error" role="alert">
            {regexError}
          </span>
        )}
      </div>
      <SearchProgress />
      <button className={`chip violations${filter.violationsOnly ? ' on' : ''}`} aria-pressed={filter.violationsOnly} onClick={() => setFilter({ violationsOnly: !filter.violationsOnly })} title="Only frames that break a rule of RFC 6455">
        ⚠ Violations only
      </button>
      {isFilterActive(filter) && (
        <button className="button ghost small" onClick={clearFilter}>
          Clear filters
        </button>
      )}
      <span className="toolbar-spacer" />
      <span className="frame-count" data-testid="frame-count">
        {matching === null ? '…' : isFilterActive(filter) ? `${formatCount(matching)} of ${formatCount(inScope)} frames` : `${formatCount(matching)} frames`}
      </span>
    </div>
  );
});
