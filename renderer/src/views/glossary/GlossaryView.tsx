// The glossary: every protocol term the app uses, in the reader's language first and the other
// language beside it (the textbook term and the English one a student meets in RFCs and code),
// each with where the standard defines it. One search box finds a term by either language.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, i18n } from '../../i18n';
import { searchTerms, type TermTextLookup } from './glossary-search';
import { RichText } from './RichText';
import { TERM_GROUPS, termGroup, termSource, type TermId } from './terms';
import './glossary.css';

const enT = () => i18n.getFixedT('en', 'glossary');
const zhT = () => i18n.getFixedT('zh-CN', 'glossary');

const lookup: TermTextLookup = (id) => [
  { term: enT()(`terms.${id}.term`), desc: enT()(`terms.${id}.desc`) },
  { term: zhT()(`terms.${id}.term`), desc: zhT()(`terms.${id}.desc`) },
];

export function GlossaryView() {
  const { t } = useTranslation('glossary');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => searchTerms(deferred, lookup), [deferred]);
  // Searching keeps the best match first; browsing keeps the groups.
  const grouped = deferred.trim() === '';

  return (
    <section className="glossary" aria-label={t('title')} data-testid="glossary">
      <header className="glossary-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <div className="glossary-search">
          <input
            className="input"
            type="search"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="glossary-search"
          />
          <span className="muted" role="status" data-testid="glossary-count">
            {t('count', { count: hits.length })}
          </span>
        </div>
      </header>
      {hits.length === 0 && <p className="glossary-none">{t('none', { query: deferred })}</p>}
      {grouped ? (
        TERM_GROUPS.map((g) => {
          const ids = hits.filter((id) => termGroup(id) === g);
          return (
            <section key={g} className="glossary-group" aria-labelledby={`glossary-group-${g}`}>
              <h2 id={`glossary-group-${g}`}>{t(`groups.${g}`)}</h2>
              <TermList ids={ids} />
            </section>
          );
        })
      ) : (
        <TermList ids={hits} />
      )}
    </section>
  );
}

function TermList({ ids }: { ids: readonly TermId[] }) {
  return (
    <dl className="glossary-list">
      {ids.map((id) => (
        <TermEntry key={id} id={id} />
      ))}
    </dl>
  );
}

/** One term: the reader's language first, the other one beside it (marked as such, not translated). */
function TermEntry({ id }: { id: TermId }) {
  const { t } = useTranslation('glossary');
  const zhFirst = currentLanguage() === 'zh-CN';
  const other = zhFirst ? enT() : zhT();
  const otherLang = zhFirst ? 'en' : 'zh-CN';
  const source = termSource(id);
  return (
    <div className="glossary-entry" id={`term-${id}`} data-testid="glossary-entry" data-term={id}>
      <dt>
        <span className="glossary-term">
          <RichText text={t(`terms.${id}.term`)} />
        </span>
        <span className="glossary-other-term" lang={otherLang} translate="no">
          <RichText text={other(`terms.${id}.term`)} />
        </span>
        {source === null ? <span className="glossary-source muted">{t('noSource')}</span> : <span className="glossary-source" translate="no">{source}</span>}
      </dt>
      <dd>
        <p>
          <RichText text={t(`terms.${id}.desc`)} />
        </p>
        <p className="glossary-other-desc" lang={otherLang} translate="no">
          <RichText text={other(`terms.${id}.desc`)} />
        </p>
      </dd>
    </div>
  );
}
