import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, menuText, startupErrorBox, type MenuKey } from '../../../electron/main/menu';
import { resources } from '../../../shared/i18n';

type Item = MenuItemConstructorOptions;
const children = (item: Item): Item[] => (Array.isArray(item.submenu) ? item.submenu : []);
const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(children(item))]);
/** The shape without the words: roles, separators and nesting. */
const shape = (items: Item[]): unknown =>
  items.map((item) => ({ role: item.role, type: item.type, submenu: item.submenu ? shape(children(item)) : undefined }));

/** A translator that fails the test on any key missing from the language's file. */
const strict =
  (language: 'fr' | 'en') =>
  (key: MenuKey): string => {
    const text = (resources[language].menu as Record<string, string | undefined>)[key];
    if (!text) throw new Error(`menu:${key} missing in ${language}`);
    return text;
  };

describe('menu', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(resources.fr.menu).sort()).toEqual(Object.keys(resources.en.menu).sort());
  });

  it.each(['linux', 'win32', 'darwin'] as const)('has the same structure in both languages on %s', (platform) => {
    const fr = menuTemplate(strict('fr'), platform);
    const en = menuTemplate(strict('en'), platform);
    expect(shape(fr)).toEqual(shape(en));
    for (const item of flatten(fr).concat(flatten(en))) {
      if (item.type !== 'separator') expect(item.label?.trim()).toBeTruthy();
    }
  });

  it('speaks French in French', () => {
    const labels = menuTemplate(menuText('fr'), 'linux').map((item) => item.label);
    expect(labels).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
  });

  it('offers File › Quit, the edit roles, zoom, full screen and About', () => {
    const roles = flatten(menuTemplate(menuText('en'), 'win32')).map((item) => item.role);
    for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'about']) {
      expect(roles).toContain(role);
    }
  });

  it('offers reload only in development', () => {
    const roles = (dev: boolean) => flatten(menuTemplate(menuText('en'), 'linux', dev)).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });
});

describe('startup error dialog', () => {
  it.each(['fr', 'en'] as const)('explains each refusal in %s and names the data folder when useful', (language) => {
    const t = strict(language);
    const tooNew = startupErrorBox('DATABASE_TOO_NEW', t, '/data');
    expect(tooNew).toMatchObject({ type: 'error', message: t('databaseTooNewMessage'), buttons: [t('quitButton')] });
    const invalid = startupErrorBox('DATABASE_INVALID', t, '/data');
    expect(invalid.message).toBe(t('databaseInvalidMessage'));
    expect(invalid.detail).toContain('/data');
    expect(startupErrorBox(null, t, '/data').message).toBe(t('startupFailedMessage'));
  });

  it('uses French typography', () => {
    const detail = startupErrorBox('DATABASE_INVALID', menuText('fr'), '/data').detail;
    expect(detail).toContain('\u00a0:');
    expect(detail).not.toMatch(/ [:;!?]/);
    expect(JSON.stringify(resources.fr.menu)).not.toContain("'");
  });
});
