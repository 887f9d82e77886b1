// One claim beside its measurement: the verdict, the notes' original Chinese sentence (verbatim,
// with an English rendering in English), the claim in the reader's language, what would make it
// true, what this run measured, and why.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabClaimCheck } from '../../../../shared/api';
import { useClaimWords } from './claim-words';

const VERDICT = { agrees: '✓', differs: '✗', pending: '…' } as const;

export function ClaimCard({ claim: c, who, whoColor, testId, children }: { claim: LabClaimCheck; who: string; whoColor?: string; testId: string; children?: ReactNode }) {
  const { t } = useTranslation('lab');
  const words = useClaimWords()(c);
  const state = c.agrees === null ? 'pending' : c.agrees ? 'agrees' : 'differs';
  return (
    <li className={state} data-testid={testId}>
      <span className="verdict" aria-label={t(`claimCard.verdict.${state}`)} title={t(`claimCard.verdict.${state}`)}>
        {VERDICT[state]}
      </span>
      <span className="who" style={whoColor ? { color: whoColor } : undefined}>
        {who}
        <small className="source">{t(`claimCard.source.${c.source}`)}</small>
      </span>
      <blockquote className="quote" lang="zh-CN" translate="no">
        {t('claimCard.quote', { quote: words.quote })}
        {words.quoteEn && <span className="quote-en">{t('claimCard.quoteEn', { text: words.quoteEn })}</span>}
      </blockquote>
      <span className="claim">{words.claim}</span>
      <span className="expected">{t('claimCard.expected', { text: words.expected })}</span>
      <span className="measured">{t('claimCard.measured', { text: words.measured })}</span>
      <span className="why">{words.explanation}</span>
      {children}
    </li>
  );
}
