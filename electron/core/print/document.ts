import type { Language } from '../../../shared/api/settings';
import { DOCUMENT_FONT, fontFaces } from './fonts';
import { escapeHtml, html, type SafeHtml } from './html';

export type Orientation = 'portrait' | 'landscape';

export interface DocumentInput {
  lang: Language;
  /** The document's title (PDF metadata, the preview frame's title). Plain text. */
  title: string;
  orientation?: Orientation;
  /** One or more `sheet(...)`s; built with `html` so user text is escaped. */
  body: SafeHtml;
  /** Extra CSS of the document kind (fixed text of ours, never user input). */
  styles?: string;
}

/** A4 in millimetres. */
export const A4 = { portrait: { width: 210, height: 297 }, landscape: { width: 297, height: 210 } } as const;

/**
 * The page model: each sheet is exactly one A4 page (the page box has no margin of its own; the
 * sheet's padding is the margin), so the screen preview and the PDF lay out the same lines. A
 * sheet whose text runs longer continues on the next page, its padding repeated there.
 */
function baseStyles(orientation: Orientation): string {
  const { width, height } = A4[orientation];
  return `
@page { size: A4 ${orientation}; margin: 0; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; font-family: ${DOCUMENT_FONT}; font-size: 11.5pt; line-height: 1.45; color: #1d2329;
  font-kerning: normal; font-variant-ligatures: common-ligatures; hyphens: manual; overflow-wrap: break-word;
}
.sheet {
  position: relative; width: ${width}mm; min-height: ${height - 0.5}mm; padding: var(--margin, 20mm 22mm);
  break-after: page; box-decoration-break: clone; -webkit-box-decoration-break: clone;
  display: flex; flex-direction: column; background: #fff; overflow: hidden;
}
.sheet:last-child { break-after: auto; }
@media screen {
  body { background: #e9ecef; padding: 12px 0; }
  .sheet { margin: 0 auto 12px; box-shadow: 0 1px 4px rgba(0,0,0,.18); }
}
p { margin: 0 0 0.6em; }
h1, h2, h3 { font-weight: 600; line-height: 1.2; margin: 0; }
.muted { color: #5b6670; }
.nowrap { white-space: nowrap; }
.relais-logo { display: block; background: center / contain no-repeat; }
.assoc { display: flex; align-items: center; gap: 6mm; }
.assoc .relais-logo { width: 30mm; height: 22mm; flex: none; background-position: left center; }
.assoc-name { font-size: 14pt; font-weight: 600; letter-spacing: 0.01em; }
.assoc-lines { font-size: 9.5pt; color: #5b6670; line-height: 1.35; margin-top: 1mm; }
`;
}

/** One A4 page (or more if its content runs long) of a document. */
export const sheet = (content: SafeHtml, className = ''): SafeHtml =>
  html`<section class="${className ? `sheet ${className}` : 'sheet'}">${content}</section>`;

/**
 * A complete, self-contained HTML document: fonts, styles and images inline, no script, no
 * external resource — printable by Chromium from a file or shown in a sandboxed frame.
 */
export function renderDocument({ lang, title, orientation = 'portrait', body, styles = '' }: DocumentInput): string {
  const images = [...body.images].map(([key, url]) => `.${key}{background-image:url("${url}")}`).join('\n');
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style>${fontFaces()}\n${baseStyles(orientation)}\n${styles}\n${images}</style>` +
    `</head><body>${body.value}</body></html>`
  );
}
