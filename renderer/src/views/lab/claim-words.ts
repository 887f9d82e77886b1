// A lab claim in the reader's language: the engine sends a stable id and its numbers (params),
// the catalog (lab:claims.<id>.*) words them; the notes' Chinese sentence is quoted as written
// (from the seed notes, verbatim), with an English rendering beside it in English.
import { useTranslation } from 'react-i18next';
import type { LabClaimCheck } from '../../../../shared/api';
import { formatBytes } from '../../format';

export interface ClaimWords {
  claim: string;
  expected: string;
  measured: string;
  explanation: string;
  /** The notes' original sentence (Chinese), verbatim. */
  quote: string;
  /** An English rendering of it; null when the reader reads Chinese. */
  quoteEn: string | null;
}

const MS_KEYS = new Set(['band', 'low', 'high', 'p50', 'p95', 'max', 't', 'limit', 'wsMs', 'httpMs', 'queueMs']);
const BYTE_KEYS = new Set(['handshake', 'heads', 'cookie', 'first', 'later']);
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

/** Numbers as the claim's words want them: ms, bytes, or plain decimals. */
export function claimParams(c: Pick<LabClaimCheck, 'id' | 'params'>): Record<string, string> {
  const p = { ...(c.params ?? {}) };
  if (typeof p.t === 'number' && typeof p.band === 'number') {
    const half = c.id === 'poll-wait-half-interval' ? p.t / 2 : p.t;
    p.low = half - p.band;
    p.high = half + p.band;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === null || v === undefined) out[k] = '–';
    else if (typeof v === 'string') out[k] = v;
    else if (MS_KEYS.has(k) || (k === 'mean' && c.id !== 'ws-client-frame-header')) out[k] = ms(v);
    else if (BYTE_KEYS.has(k)) out[k] = formatBytes(Math.round(v));
    else if (k === 'ratio' || k === 'perConn') out[k] = v.toFixed(2);
    else out[k] = Number.isInteger(v) ? String(v) : v.toFixed(1);
  }
  return out;
}

/** Whether the claim has measured anything yet (else its `none` words are shown). */
function measuredYet(c: Pick<LabClaimCheck, 'id' | 'params' | 'agrees'>): boolean {
  const p = c.params ?? {};
  switch (c.id) {
    case 'ws-frame-header':
      return p.headers != null;
    case 'sse-five-bytes':
      return p.total != null;
    case 'http1-header-bytes':
      return p.heads != null;
    case 'h2-header-bytes':
      return p.later != null && p.first != null;
    case 'push-immediate':
      return p.mean != null;
    case 'long-poll-request-per-message':
      return p.ratio != null;
    case 'long-poll-new-connection':
      return p.perConn != null;
    case 'poll-wait-interval':
    case 'poll-wait-half-interval':
      return p.model != null;
    default:
      return c.agrees !== null;
  }
}

export function useClaimWords(): (c: LabClaimCheck) => ClaimWords {
  const { t, i18n } = useTranslation('lab');
  return (c) => {
    const params = claimParams(c);
    if (c.id === 'poll-wait-interval' || c.id === 'poll-wait-half-interval') {
      params.supports = t(`claimWords.supports.${(c.params?.model as 'half-interval' | 'interval' | 'neither' | null) ?? 'neither'}`);
      params.phase = t(`claimWords.phase.${c.params?.phase === 'fixed' ? 'fixed' : 'random'}`);
    }
    if (typeof c.params?.transports === 'string') {
      // Socket.IO's transports, named as the rest of the Lab names them.
      const names: Record<string, string> = { polling: t('transports.long-polling'), websocket: t('transports.websocket') };
      params.transports = c.params.transports === '' ? '–' : c.params.transports.split(' → ').map((x) => names[x] ?? x).join(' → ');
    }
    const base = `claims.${c.id}` as const;
    const claimKey = c.id === 'push-immediate' && c.params?.long === 1 ? (`${base}.claimLong` as const) : (`${base}.claim` as const);
    return {
      claim: t(claimKey as never, params),
      expected: t(`${base}.expected` as never, params),
      measured: t((measuredYet(c) ? `${base}.measured` : `${base}.none`) as never, params),
      explanation: t(`${base}.explanation` as never, params),
      quote: t(`${base}.quote` as never),
      quoteEn: i18n.language.startsWith('zh') ? null : t(`${base}.quoteEn` as never),
    };
  };
}
