/**
 * What core needs from the machine it runs on. The Electron shell implements it with dialogs and
 * Chromium printing; tests implement it with temp folders and Playwright's Chromium. Core never
 * imports `electron`.
 */
export interface FileFilter {
  /** A key in the `common` namespace (e.g. `files.pdf`); the shell translates it. */
  nameKey: string;
  extensions: string[];
}

export interface PdfOptions {
  landscape?: boolean;
}

export interface Platform {
  /** Asks where to save; resolves to null when the user cancels. */
  chooseSaveFile(options: { titleKey: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenFile(options: { titleKey: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFolder(options: { titleKey: string }): Promise<string | null>;
  /** Prints a self-contained HTML document (A4) to PDF with Chromium, in a window with no preload. */
  printToPdf(html: string, options?: PdfOptions): Promise<Uint8Array>;
  /** Shows a file or folder in the system file manager. */
  openPath(path: string): Promise<void>;
  /** The OS language tag, e.g. `fr-FR` (first-run language choice). */
  systemLocale(): string;
}

/** For scripts and benchmarks that never ask the user anything. */
export const headlessPlatform = (locale = 'en-US'): Platform => {
  const unavailable = () => Promise.reject(new Error('PLATFORM_UNAVAILABLE'));
  return {
    chooseSaveFile: () => Promise.resolve(null),
    chooseOpenFile: () => Promise.resolve(null),
    chooseFolder: () => Promise.resolve(null),
    printToPdf: unavailable,
    openPath: unavailable,
    systemLocale: () => locale,
  };
};
