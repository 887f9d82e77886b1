// Templates: the everyday frames, and the classic mistakes with the close code a correct peer
// answers them with (RFC 6455 §7.4.1).
import { useTranslation } from 'react-i18next';
import { TEMPLATES, type CraftTemplate } from '../../../../shared/craft/templates';
import { useStore } from '../../store';
import { templateReactionText, templateText } from './reaction-text';

const GROUPS = [
  { group: 'valid', title: 'valid' },
  { group: 'mistake', title: 'mistakes' },
] as const satisfies ReadonlyArray<{ group: CraftTemplate['group']; title: string }>;

export function TemplateList() {
  const { t: tr } = useTranslation('crafter', { keyPrefix: 'library' });
  const apply = useStore((s) => s.applyCrafterTemplate);
  const current = useStore((s) => s.crafterTemplateId);
  return (
    <div className="template-list">
      {GROUPS.map((g) => (
        <section key={g.group} aria-label={tr(g.title)}>
          <h3 className="library-heading">{tr(g.title)}</h3>
          <ul className="library-items">
            {TEMPLATES.filter((t) => t.group === g.group).map((t) => {
              const text = templateText(t);
              return (
                <li key={t.id}>
                  <button className={current === t.id ? 'library-item active' : 'library-item'} onClick={() => apply(t.id)} title={`${text.description}\n${templateReactionText(t)}`} data-testid={`template-${t.id}`}>
                    <span className="library-item-title">
                      {text.title}
                      {t.group === 'mistake' && t.expect.closeCode !== null && <span className="tag danger">→ {t.expect.closeCode}</span>}
                    </span>
                    <span className="library-item-sub">{text.description}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
