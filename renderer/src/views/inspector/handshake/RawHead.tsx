// A raw HTTP head exactly as sent, with header names highlighted and the line endings shown.
// The bytes are decoded for display only; everything is text nodes.
import { useTranslation } from 'react-i18next';
import type { HttpHeadView } from '../../../../../shared/model';
import { WS_HEADERS, headerNote } from './header-notes';
import { SafeText } from '../../../components/safe-text/SafeText';

const latin1 = new TextDecoder('latin1');
/** The class that highlights the headers of the WebSocket handshake. */
const WS_CLASS = 'ws';
/** CR LF drawn as its escape, a symbol rather than a word. */
const CRLF_MARK = '\\r\\n';

interface Part {
  kind: 'plain' | 'name' | 'value';
  text: string;
  header?: string;
}

function splitHead(head: HttpHeadView): Part[] {
  const parts: Part[] = [];
  let at = 0;
  const take = (end: number, kind: Part['kind'], header?: string) => {
    if (end > at) parts.push({ kind, text: latin1.decode(head.raw.subarray(at, end)), header });
    at = Math.max(at, end);
  };
  for (const h of head.headers) {
    take(h.nameRange[0], 'plain');
    take(h.nameRange[1], 'name', h.name.toLowerCase());
    take(h.valueRange[0], 'plain');
    take(h.valueRange[1], 'value', h.name.toLowerCase());
  }
  take(head.raw.length, 'plain');
  return parts;
}

/** Line endings made visible: HTTP lines end in CR LF, and an empty line ends the head. */
function withLineEnds(text: string, key: string) {
  const pieces = text.split('\r\n');
  return pieces.map((p, i) => (
    <span key={`${key}-${i}`}>
      {p}
      {i < pieces.length - 1 && (
        <>
          <span className="crlf" aria-hidden="true">
            {CRLF_MARK}
          </span>
          {'\n'}
        </>
      )}
    </span>
  ));
}

export function RawHead({ head, testId }: { head: HttpHeadView; testId: string }) {
  // Re-rendered on a language switch, so the header notes follow it.
  useTranslation('inspector');
  const parts = splitHead(head);
  return (
    <pre className="raw-head" data-testid={testId} translate="no">
      {parts.map((p, i) => {
        if (p.kind === 'plain') return withLineEnds(p.text, String(i));
        const note = p.header ? headerNote(p.header) : undefined;
        const ws = p.header !== undefined && WS_HEADERS.has(p.header);
        return (
          <span key={i} className={ws ? `head-${p.kind} ${WS_CLASS}` : `head-${p.kind}`} title={note}>
            {p.kind === 'value' ? <SafeText text={p.text} /> : p.text}
          </span>
        );
      })}
    </pre>
  );
}
