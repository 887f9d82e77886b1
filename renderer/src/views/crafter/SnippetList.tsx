// Snippets: crafter documents saved in the user's data folder (snippets.json), kept across
// restarts. A damaged file is reported here in words, never as a crash.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snippet } from '../../../../shared/api';
import { deleteSnippet, loadSnippet, saveCurrentAsSnippet } from '../../actions/crafter';
import { queryKeys } from '../../api/queries/query-keys';
import { useClient } from '../../api/use-client';
import { ErrorText } from '../../components/error-text/ErrorText';
import { SafeText } from '../../components/safe-text/SafeText';
import { visibleText } from '../../components/safe-text/split-hidden';

export function SnippetList() {
  const { t, i18n } = useTranslation('crafter', { keyPrefix: 'snippets' });
  const client = useClient();
  const { data: snippets = [], error } = useQuery({ queryKey: queryKeys.snippets(), queryFn: () => client.listSnippets(), select: newestFirst });
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (name.trim() === '') return;
    setSaving(true);
    if (await saveCurrentAsSnippet(name.trim())) setName('');
    setSaving(false);
  };

  return (
    <div className="snippet-list">
      <form
        className="snippet-save"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input className="input" aria-label={t('nameAria')} placeholder={t('namePlaceholder')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="snippet-name" />
        <button className="button small" type="submit" disabled={saving || name.trim() === ''} data-testid="snippet-save">
          {t('save')}
        </button>
      </form>
      {error && <ErrorText error={error} context={t('readFailed')} className="library-error" testId="snippets-error" />}
      {snippets.length === 0 && !error && <p className="library-empty muted">{t('empty')}</p>}
      <ul className="library-items">
        {snippets.map((s) => (
          <li key={s.id} className="snippet-item">
            <button className="library-item" onClick={() => loadSnippet(s.spec, s.name)} title={t('loadHint')} data-testid="snippet-item">
              <span className="library-item-title" translate="no">
                <SafeText text={s.name} />
              </span>
              <span className="library-item-sub">{t('saved', { when: new Date(s.savedAt).toLocaleString(i18n.language) })}</span>
            </button>
            <button className="button ghost small snippet-delete" aria-label={t('deleteAria', { name: visibleText(s.name) })} title={t('delete')} onClick={() => void deleteSnippet(s.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function newestFirst(list: Snippet[]): Snippet[] {
  return [...list].sort((a, b) => b.savedAt - a.savedAt);
}
