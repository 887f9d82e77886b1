// A close code in words, in the reader's language: its glossary name and meaning for 1000-1015
// (RFC 6455 §7.4.1), the range it falls in otherwise, and why it may not be sent (§7.4.2).
import { closeCodeValidity } from '../../../../shared/protocol/close-codes';
import { i18n } from '../../i18n';
import { closeCodeTerm } from '../glossary/terms';

/** "1002 Protocol Error" (1002 协议错误), or just the number for a code without a name. */
export function closeCodeName(code: number): string {
  const id = closeCodeTerm(code);
  return id === null ? String(code) : i18n.t(`glossary:terms.${id}.term`);
}

/** What the code means, or why it must not appear on the wire. */
export function closeCodeMeaning(code: number): { ok: boolean; text: string } {
  const validity = closeCodeValidity(code);
  if (!validity.valid) return { ok: false, text: i18n.t('crafter:close.notAllowed', { reason: invalidReason(code) }) };
  const id = closeCodeTerm(code);
  if (id !== null) return { ok: true, text: i18n.t(`glossary:terms.${id}.desc`) };
  return { ok: true, text: i18n.t(validity.range === 'private' ? 'crafter:close.private' : 'crafter:close.registered') };
}

/** The same cases as closeCodeValidity, worded for the screen. */
function invalidReason(code: number): string {
  if (!Number.isInteger(code) || code < 1000) return i18n.t('crafter:close.invalidBelow');
  if (code <= 1015) return i18n.t('crafter:close.invalidReserved', { code });
  if (code <= 2999) return i18n.t('crafter:close.invalidFuture', { code });
  return i18n.t('crafter:close.invalidAbove');
}
