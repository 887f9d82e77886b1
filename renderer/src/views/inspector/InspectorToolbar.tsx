// Filters (direction, opcode, payload text or regex, violations only), counts and follow live.
import { memo, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../../shared/model';
import { opcodeLabel } from '../../components/opcode-badge/opcode-label';
import { opcodeClass } from '../../components/opcode-badge/OpcodeBadge';
import { formatCount } from '../../format';
import { useStore } from '../../store';
import { isFilterActive } from '../../store/inspector-slice';
import { SearchProgress } from './SearchProgress';

const RESERVED = [3, 4, 5, 6, 7, 11, 12, 13, 14, 15];
const OPCODE_CHIPS: Array<{ key: string; opcodes: number[] }> = [
  { key: 'text', opcodes: [1] },
  { key: 'binary', opcodes: [2] },
  { key: 'continuation', opcodes: [0] },
  { key: 'close', opcodes: [8] },
  { key: 'ping', opcodes: [9] },
  { key: 'pong', opcodes: [10] },
  { key: 'reserved', opcodes: RESERVED },
];
const DIRECTIONS: Array<{ value: Peer | null; key: string }> = [
  { value: null, key: 'both' },
  { value: 'client', key: 'client' },
  { value: 'server', key: 'server' },
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
  const { t } = useTranslation(['inspector', 'components']);
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
    <div className="inspector-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="segmented" role="group" aria-label={t('toolbar.direction')}>
        {DIRECTIONS.map((d) => (
          <button
            key={d.key}
            className={`seg${filter.from === d.value ? ' on' : ''}${d.value ? ` dir-${d.value}` : ''}`}
            aria-pressed={filter.from === d.value}
            title={d.value === null ? t('toolbar.bothTitle') : t(`toolbar.${d.value}Title`)}
            onClick={() => setFilter({ from: d.value })}
          >
            {d.value === null ? t('toolbar.both') : t(`components:direction.short.${d.value}`)}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label={t('toolbar.opcodes')}>
        {OPCODE_CHIPS.map((c) => {
          const on = c.opcodes.every((o) => filter.opcodes.includes(o));
          const label = c.key === 'reserved' ? t('components:opcode.reserved') : opcodeLabel(c.opcodes[0]!);
          return (
            <button key={c.key} className={`chip ${opcodeClass(c.opcodes[0]!)}${on ? ' on' : ''}`} aria-pressed={on} onClick={() => toggleOpcodes(c.opcodes)} title={t('toolbar.opcodeTitle', { name: label })}>
              {label}
            </button>
          );
        })}
      </div>
      <div className={`search${regexError ? ' invalid' : ''}`}>
        <input
          ref={searchRef}
          className="input search-input"
          type="search"
          placeholder={filter.regex ? t('toolbar.regexPlaceholder') : t('toolbar.searchPlaceholder')}
          title={t('toolbar.searchTitle')}
          aria-label={t('toolbar.searchLabel')}
          aria-invalid={regexError !== null}
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
          data-testid="filter-search"
        />
        <button translate="no" className={`chip regex${filter.regex ? ' on' : ''}`} aria-pressed={filter.regex} title={t('toolbar.regexTitle')} onClick={() => setFilter({ regex: !filter.regex })}>
          .*
        </button>
        {regexError && (
          <span className="search-error" role="alert">
            {regexError}
          </span>
        )}
      </div>
      <SearchProgress />
      <button className={`chip violations${filter.violationsOnly ? ' on' : ''}`} aria-pressed={filter.violationsOnly} onClick={() => setFilter({ violationsOnly: !filter.violationsOnly })} title={t('toolbar.violationsTitle')}>
        {t('toolbar.violationsOnly')}
      </button>
      {isFilterActive(filter) && (
        <button className="button ghost small" onClick={clearFilter}>
          {t('toolbar.clear')}
        </button>
      )}
      <span className="toolbar-spacer" />
      <span className="frame-count" data-testid="frame-count">
        {matching === null ? '…' : isFilterActive(filter) ? t('toolbar.countOf', { count: inScope, shown: formatCount(matching) }) : t('toolbar.count', { count: matching })}
      </span>
    </div>
  );
});
