// Copy to the clipboard: the async Clipboard API where the page may use it, otherwise the old
// hidden-textarea + execCommand path (plain-HTTP pages on other hosts, denied permissions).
import { i18n } from '../../../i18n';

export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Denied or unavailable: fall through to the fallback.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error(i18n.t('inspector:copy.refused'));
}
