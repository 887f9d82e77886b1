// The words for what a correct peer will do (shared/craft/reactions.ts decides; this file says it
// in the reader's language), keyed by the violation code or the template id, never by the English.
import { expectedForSequence, reactionFor, type ExpectedReaction } from '../../../../shared/craft/reactions';
import type { CraftTemplate } from '../../../../shared/craft/templates';
import type { Violation } from '../../../../shared/protocol/types';
import { i18n } from '../../i18n';
import type en from '../../i18n/locales/en/crafter.json';

type ReactionKey = keyof typeof en.reactions;
type TemplateKey = keyof typeof en.templates;
/** The templates that carry their own expected reaction (the valid ones). */
type LessonKey = { [K in TemplateKey]: 'expect' extends keyof (typeof en.templates)[K] ? K : never }[TemplateKey];

const hasKey = <K extends string>(table: object, key: string): key is K => Object.hasOwn(table, key);

export function templateText(t: CraftTemplate): { title: string; description: string } {
  const res = i18n.getResourceBundle('en', 'crafter') as typeof en;
  if (!hasKey<TemplateKey>(res.templates, t.id)) return { title: t.title, description: t.description };
  return { title: i18n.t(`crafter:templates.${t.id}.title`), description: i18n.t(`crafter:templates.${t.id}.description`) };
}

function violationReaction(code: string): string | null {
  const res = i18n.getResourceBundle('en', 'crafter') as typeof en;
  return hasKey<ReactionKey>(res.reactions, code) ? i18n.t(`crafter:reactions.${code}`) : null;
}

/** The reaction to expect from a crafted sequence, with its sentence in the current language. */
export function expectedReactionText(violations: readonly Violation[], template: CraftTemplate | undefined): ExpectedReaction {
  const reaction = expectedForSequence(violations, template);
  if (violations.length === 0 && template !== undefined && template.violation === null) {
    const res = i18n.getResourceBundle('en', 'crafter') as typeof en;
    const own = res.templates[template.id as TemplateKey] as { expect?: string } | undefined;
    return { closeCode: reaction.closeCode, summary: own?.expect !== undefined ? i18n.t(`crafter:templates.${template.id as LessonKey}.expect`) : reaction.summary };
  }
  for (const v of violations) {
    if (reactionFor(v.code) === null) continue;
    return { closeCode: reaction.closeCode, summary: violationReaction(v.code) ?? reaction.summary };
  }
  return { closeCode: reaction.closeCode, summary: i18n.t('crafter:reactions.accept') };
}

/** A template's lesson, for its tooltip: the reaction a correct peer has to it. */
export function templateReactionText(t: CraftTemplate): string {
  if (t.violation !== null) return violationReaction(t.violation) ?? t.expect.summary;
  return expectedReactionText([], t).summary;
}
