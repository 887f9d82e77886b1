// Types every `t('ns:key')` against the English catalog: a key missing from `en` is a compile error.
// Parity of zh-CN with en is checked by catalog.test.ts.
import 'i18next';
import type { en } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}
