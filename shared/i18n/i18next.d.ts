import 'i18next';
import type { resources } from './index';

// Typed keys: `t('volunteers:list.title')` is checked against the English files.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
