// Reads a payload from the engine page by page (readPayload): the paged viewer asks for one page
// at a time; copying a whole message gathers its pages, up to a cap, into one buffer.
import type { FramescopeApi, PayloadPart } from '../../../../../shared/api';
import { formatBytes, formatCount } from '../../../format';
import { WordedError } from '../../../actions/error-text';
import { i18n } from '../../../i18n';

/** Bytes shown per page of the paged viewer. */
export const VIEW_PAGE = 64 * 1024;
/** Larger than this, a payload is shown in pages instead of from the frame detail. */
export const PAGED_FROM = 256 * 1024;
/** Largest payload copied to the clipboard at once. */
export const COPY_LIMIT = 64 * 1024 * 1024;
const READ_PAGE = 1024 * 1024;

export interface WholePayload {
  bytes: Uint8Array;
  /** True size, and what the capture kept of it (less only when a Framescope limit cut it). */
  total: number;
  kept: number;
}

export async function readWhole(api: Pick<FramescopeApi, 'readPayload'>, frameId: number, part: PayloadPart, limit = COPY_LIMIT): Promise<WholePayload> {
  const first = await api.readPayload({ frameId, part, offset: 0, length: READ_PAGE });
  if (first.kept > limit) {
    const what = { key: `inspector:copy.what.${part === 'message' ? 'message' : 'payload'}` };
    throw new WordedError({ key: 'inspector:copy.tooBig', params: { what, size: formatBytes(first.kept), limit: formatBytes(limit) } }, 'limit', `The ${part} is ${first.kept} bytes; at most ${limit} are copied.`);
  }
  const out = new Uint8Array(first.kept);
  out.set(first.bytes, 0);
  let at = first.bytes.length;
  while (at < first.kept) {
    const chunk = await api.readPayload({ frameId, part, offset: at, length: READ_PAGE });
    if (chunk.bytes.length === 0) break;
    out.set(chunk.bytes, at);
    at += chunk.bytes.length;
  }
  return { bytes: out.subarray(0, at), total: first.total, kept: first.kept };
}

/** "kept N of M bytes" when a Framescope limit cut the payload; null when it is whole. */
export function keptNote(kept: number, total: number): string | null {
  if (kept >= total) return null;
  return i18n.t('inspector:kept', { kept: formatCount(kept), total: formatCount(total) });
}
