// A collapsible JSON tree. Keys and values are text nodes (never markup); big arrays and objects
// show their first children and a button for the rest, so a 4 MB document stays responsive.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from './payload-content';

const OPEN_DEPTH = 2;
/** JSON's own tokens and the tree's toggles: code and symbols, not UI words. */
const JSON_NULL = 'null';
const TOGGLE = { open: '▾', closed: '▸' };
const CHILDREN_STEP = 200;

export function JsonTree({ value }: { value: JsonValue }) {
  return (
    <div className="json-tree" role="tree" data-testid="json-tree" translate="no">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function summary(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).length}}`;
  return '';
}

function Scalar({ value }: { value: JsonValue }) {
  if (value === null) return <span className="json-null">{JSON_NULL}</span>;
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  return <span className="json-bool">{String(value)}</span>;
}

function JsonNode({ name, value, depth }: { name: string | null; value: JsonValue; depth: number }) {
  const { t } = useTranslation('inspector');
  const container = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [shown, setShown] = useState(CHILDREN_STEP);
  const label = name !== null && <span className="json-key">{name}: </span>;
  if (!container) {
    return (
      <div className="json-line" role="treeitem">
        <span className="json-toggle" aria-hidden="true" />
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: Array<[string, JsonValue]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return (
    <div role="treeitem" aria-expanded={open}>
      <div className="json-line clickable" onClick={() => setOpen(!open)}>
        <span className="json-toggle" aria-hidden="true">
          {open ? TOGGLE.open : TOGGLE.closed}
        </span>
        {label}
        <span className="json-summary">{summary(value)}</span>
      </div>
      {open && (
        <div className="json-children" role="group">
          {entries.slice(0, shown).map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} depth={depth + 1} />
          ))}
          {entries.length > shown && (
            <button className="button ghost small json-more" translate="yes" onClick={() => setShown(shown + CHILDREN_STEP)}>
              {t('payload.jsonMore', { step: Math.min(CHILDREN_STEP, entries.length - shown), remaining: entries.length - shown })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
