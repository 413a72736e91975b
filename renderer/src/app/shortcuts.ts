/** Whether this machine uses ⌘ rather than Ctrl for shortcuts (only for the hints shown). */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);

/** A shortcut as shown to the user: `mod+K` → "Ctrl+K" or "⌘K". Key names are not translated. */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The id of the header search input, so shortcuts and other screens can focus it. */
export const SEARCH_INPUT_ID = 'relais-search';

export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}
