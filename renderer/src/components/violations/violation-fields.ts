// Which header field a violation is about, so the anatomy can outline the offending bits.
import type { FieldName, Violation } from '../../../../shared/protocol/types';

const FIELDS_BY_CODE: Record<string, FieldName[]> = {
  'unmasked-client-frame': ['mask'],
  'masked-server-frame': ['mask', 'maskingKey'],
  'rsv-without-extension': ['rsv1', 'rsv2', 'rsv3'],
  'reserved-opcode': ['opcode'],
  'non-minimal-length': ['payloadLength', 'extendedLength'],
  'length-msb-set': ['extendedLength'],
  'length-too-large': ['extendedLength'],
  'payload-too-large': ['payloadLength', 'extendedLength'],
  'fragmented-control': ['fin', 'opcode'],
  'control-too-long': ['payloadLength', 'extendedLength'],
  'close-payload-one-byte': ['payload'],
  'invalid-close-code': ['payload'],
  'invalid-utf8': ['payload'],
  'data-after-close': ['opcode'],
  'rsv1-on-continuation': ['rsv1'],
  'rsv1-on-control': ['rsv1'],
  'incomplete-frame': ['payload'],
  'unexpected-continuation': ['opcode'],
  'message-interrupted': ['opcode'],
  'inflate-failed': ['payload'],
};

export function fieldsOfViolation(code: string): FieldName[] {
  return FIELDS_BY_CODE[code] ?? [];
}

export function flaggedFields(violations: readonly Violation[]): ReadonlySet<FieldName> {
  const out = new Set<FieldName>();
  for (const v of violations) for (const f of fieldsOfViolation(v.code)) out.add(f);
  return out;
}

/** "RFC 6455 §5.1" for a bare section, the section itself when it already names its RFC. */
export function sectionLabel(section: string): string {
  return section.startsWith('RFC') ? section : `RFC 6455 §${section}`;
}
