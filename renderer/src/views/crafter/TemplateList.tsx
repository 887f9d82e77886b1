// Templates: the everyday frames, and the classic mistakes with the close code a correct peer
// answers them with (RFC 6455 §7.4.1).
import { TEMPLATES, type CraftTemplate } from '../../../../shared/craft/templates';
import { useStore } from '../../store';

const GROUPS: Array<{ group: CraftTemplate['group']; title: string }> = [
  { group: 'valid', title: 'Valid frames' },
  { group: 'mistake', title: 'Classic mistakes' },
];

export function TemplateList() {
  const apply = useStore((s) => s.applyCrafterTemplate);
  const current = useStore((s) => s.crafterTemplateId);
  return (
    <div className="template-list">
      {GROUPS.map((g) => (
        <section key={g.group} aria-label={g.title}>
          <h3 className="library-heading">{g.title}</h3>
          <ul className="library-items">
            {TEMPLATES.filter((t) => t.group === g.group).map((t) => (
              <li key={t.id}>
                <button className={current === t.id ? 'library-item active' : 'library-item'} onClick={() => apply(t.id)} title={`${t.description}\n${t.expect.summary}`} data-testid={`template-${t.id}`}>
                  <span className="library-item-title">
                    {t.title}
                    {t.group === 'mistake' && t.expect.closeCode !== null && <span className="tag danger">→ {t.expect.closeCode}</span>}
                  </span>
                  <span className="library-item-sub">{t.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
