// How each transport is named and coloured in every lab picture (lanes, table, plots). Colours come
// from tokens.css through lab.css (--lab-<transport>), one visual language in light and dark.
import { LAB_TRANSPORTS, type LabByteKey, type LabTransport } from '../../../../shared/api';
import { i18n } from '../../i18n';

/** Each transport's name in the reader's language (read at render time, so a language switch re-words it). */
export const TRANSPORT_NAMES = wordsFor(LAB_TRANSPORTS, (t) => i18n.t(`lab:transports.${t}`));

function wordsFor<K extends string>(keys: readonly K[], word: (k: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { get: () => word(k), enumerable: true });
  return out;
}

export function transportColor(t: LabTransport): string {
  return `var(--lab-${t})`;
}

/** The client API behind each lane, by who runs the clients. */
export function clientApi(t: LabTransport, client: 'browser' | 'node'): string {
  if (t === 'http2-polling') return i18n.t('lab:clientApi.h2');
  return i18n.t(`lab:clientApi.${client}.${t}`);
}

const BYTE_KEYS: readonly LabByteKey[] = [
  'payload',
  'request-headers',
  'response-headers',
  'handshake',
  'body-wrapping',
  'sse-fields',
  'chunked-encoding',
  'frame-headers',
  'h2-frame-headers',
  'hpack-request-headers',
  'hpack-response-headers',
  'control',
  'upstream-payload',
  'upstream-headers',
  'upstream-frame-headers',
  'unattributed',
];
export const BYTE_LABELS = wordsFor(BYTE_KEYS, (k) => i18n.t(`lab:bytes.${k}`));

export function byteColor(key: LabByteKey): string {
  return `var(--lab-bytes-${key})`;
}

export function fmtMs(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString('en-US')} ms`;
}

export function fmtBytes(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (v >= 10_240) return `${(v / 1024).toFixed(1)} KiB`;
  return `${v.toFixed(v < 100 ? digits : 0)} B`;
}
