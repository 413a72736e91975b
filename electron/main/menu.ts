import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/api/settings';
import { resources } from '../../shared/i18n';

export type MenuKey = keyof (typeof resources)['en']['menu'];
export type MenuText = (key: MenuKey) => string;

/** Menu and startup-dialog texts in one language (both are bundled; English fills any gap). */
export const menuText =
  (language: Language): MenuText =>
  (key) =>
    resources[language].menu[key] ?? resources.en.menu[key];

/**
 * The application menu. Every item carries our own label: Electron's role labels are English-only
 * on Windows and Linux. Roles keep the native behaviour and accelerators.
 */
export function menuTemplate(t: MenuText, platform: NodeJS.Platform, dev = false): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { role: 'about', label: t('about') };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  // macOS puts About and Quit in the application menu, named after the app.
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Relais',
          submenu: [
            about,
            separator,
            { role: 'hide', label: t('hide') },
            { role: 'hideOthers', label: t('hideOthers') },
            { role: 'unhide', label: t('showAll') },
            separator,
            { role: 'quit', label: t('quit') },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    { label: t('file'), submenu: [mac ? { role: 'close', label: t('close') } : { role: 'quit', label: t('quit') }] },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        separator,
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'delete', label: t('delete') },
        separator,
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    {
      label: t('view'),
      submenu: [
        // Reloading drops unsaved form input; only developers need it.
        ...(dev ? [{ role: 'reload', label: t('reload') } satisfies MenuItemConstructorOptions, separator] : []),
        { role: 'zoomIn', label: t('zoomIn') },
        { role: 'zoomOut', label: t('zoomOut') },
        { role: 'resetZoom', label: t('resetZoom') },
        separator,
        { role: 'togglefullscreen', label: t('toggleFullScreen') },
      ],
    },
    { label: t('help'), submenu: [about] },
  ];
}

/**
 * The native dialog shown when the data cannot be opened. It names the data folder (so someone can
 * find and restore it) and promises nothing was changed: core refuses before writing anything.
 */
export function startupErrorBox(code: string | null, t: MenuText, dataDir: string) {
  const [message, detail] =
    code === 'DATABASE_TOO_NEW'
      ? [t('databaseTooNewMessage'), t('databaseTooNewDetail')]
      : code === 'DATABASE_INVALID'
        ? [t('databaseInvalidMessage'), `${t('databaseInvalidDetail')}\n${dataDir}`]
        : [t('startupFailedMessage'), `${t('startupFailedDetail')}\n${dataDir}`];
  return { type: 'error' as const, title: t('startupErrorTitle'), message, detail, buttons: [t('quitButton')], noLink: true };
}
