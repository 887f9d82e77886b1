// A protocol term in the reader's language, with the English term and the section of the standard
// that defines it on hover AND on keyboard focus (a role="tooltip" element the term points at with
// aria-describedby, so a screen reader reads it too; `title` alone would reach neither keyboards
// nor most touch screens).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { plainText, RichText } from '../../views/glossary/RichText';
import { termSource, type TermId } from '../../views/glossary/terms';
import './term.css';

export type { TermId } from '../../views/glossary/terms';

export interface TermProps {
  id: TermId;
  /** Shown instead of the localized term (a field name such as "FIN"); the tooltip stays the same. */
  children?: React.ReactNode;
  className?: string;
}

export function Term({ id, children, className }: TermProps) {
  const { t } = useTranslation('glossary');
  const tipId = useId();
  const english = plainText(i18n.getFixedT('en', 'glossary')(`terms.${id}.term`));
  const source = termSource(id);
  return (
    <span className={className ? `term ${className}` : 'term'} tabIndex={0} aria-describedby={tipId} data-term={id} data-testid={`term-${id}`}>
      {children ?? <RichText text={t(`terms.${id}.term`)} />}
      <span className="term-tip" role="tooltip" id={tipId}>
        <span className="term-tip-line">
          <span className="term-tip-label">{t('tooltip.english')}</span>
          <span className="term-tip-english" translate="no" lang="en">
            {english}
          </span>
        </span>
        <span className="term-tip-line">
          <span className="term-tip-label">{t('tooltip.source')}</span>
          {source === null ? <span>{t('noSource')}</span> : <span className="term-tip-source" translate="no">{source}</span>}
        </span>
      </span>
    </span>
  );
}
