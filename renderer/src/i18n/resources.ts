// Every catalog the renderer ships, bundled (no remote content, no lazy fetch: the CSP forbids it and a
// classroom may be offline). One JSON file per namespace and language, so each view owns its own file.
import enCommon from './locales/en/common.json';
import enShell from './locales/en/shell.json';
import enInspector from './locales/en/inspector.json';
import enTimeline from './locales/en/timeline.json';
import enCrafter from './locales/en/crafter.json';
import enComponents from './locales/en/components.json';
import enGlossary from './locales/en/glossary.json';
import enLab from './locales/en/lab.json';
import enHttp from './locales/en/http.json';
import enLessons from './locales/en/lessons.json';
import enPresenter from './locales/en/presenter.json';
import enViolations from './locales/en/violations.json';
import enErrors from './locales/en/errors.json';
import enControls from './locales/en/controls.json';
import zhCommon from './locales/zh-CN/common.json';
import zhShell from './locales/zh-CN/shell.json';
import zhInspector from './locales/zh-CN/inspector.json';
import zhTimeline from './locales/zh-CN/timeline.json';
import zhCrafter from './locales/zh-CN/crafter.json';
import zhComponents from './locales/zh-CN/components.json';
import zhGlossary from './locales/zh-CN/glossary.json';
import zhLab from './locales/zh-CN/lab.json';
import zhHttp from './locales/zh-CN/http.json';
import zhLessons from './locales/zh-CN/lessons.json';
import zhPresenter from './locales/zh-CN/presenter.json';
import zhViolations from './locales/zh-CN/violations.json';
import zhErrors from './locales/zh-CN/errors.json';
import zhControls from './locales/zh-CN/controls.json';

/** English is the reference catalog: its shape types every `t()` key (see i18next.d.ts). */
export const en = {
  common: enCommon,
  shell: enShell,
  inspector: enInspector,
  timeline: enTimeline,
  crafter: enCrafter,
  components: enComponents,
  glossary: enGlossary,
  lab: enLab,
  http: enHttp,
  lessons: enLessons,
  presenter: enPresenter,
  violations: enViolations,
  errors: enErrors,
  controls: enControls,
} as const;

export const zhCN = {
  common: zhCommon,
  shell: zhShell,
  inspector: zhInspector,
  timeline: zhTimeline,
  crafter: zhCrafter,
  components: zhComponents,
  glossary: zhGlossary,
  lab: zhLab,
  http: zhHttp,
  lessons: zhLessons,
  presenter: zhPresenter,
  violations: zhViolations,
  errors: zhErrors,
  controls: zhControls,
} as const;

export const NAMESPACES = Object.keys(en) as (keyof typeof en)[];
export type Namespace = keyof typeof en;

export const resources = { en, 'zh-CN': zhCN } as const;
