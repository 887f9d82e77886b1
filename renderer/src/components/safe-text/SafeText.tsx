// Peer-controlled text (previews, URLs, header values, close reasons, snippet names) with every
// bidi control and invisible character shown as a mark (split-hidden.ts). Text without any stays
// a plain text node, so the frame table pays nothing for it.
import { useTranslation } from 'react-i18next';
import { splitHidden } from './split-hidden';
import './safe-text.css';

export function SafeText({ text, keepLayout = false }: { text: string; keepLayout?: boolean }) {
  const { t } = useTranslation('components');
  const pieces = splitHidden(text, keepLayout);
  if (pieces.every((p) => p.kind === 'text')) return <>{text}</>;
  return (
    <span className="safe-text">
      {pieces.map((p, i) =>
        p.kind === 'text' ? (
          p.text
        ) : (
          <span key={i} className="hidden-char" data-testid="hidden-char" title={t('safeText.hidden', { code: p.code })}>
            {p.name}
          </span>
        ),
      )}
    </span>
  );
}
