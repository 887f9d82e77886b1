// Which header field a violation is about, so the anatomy can outline the offending bits.
import type { FieldName, Violation } from '../../../../shared/protocol/types';
import { violationKind } from '../../../../shared/protocol/violations';

export function fieldsOfViolation(code: string): FieldName[] {
  // The one registry (shared/protocol/violations.ts) says which fields each violation is about.
  return [...(violationKind(code)?.fields ?? [])];
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
