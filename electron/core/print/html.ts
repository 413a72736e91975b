import { createHash } from 'node:crypto';

/**
 * HTML that is safe to put in a document as it is: built only by `html` (which escapes every
 * value it is given) or by `trustedHtml` for fixed markup of ours. User text never becomes
 * SafeHtml without passing through `escapeHtml`, so `<img onerror=…>` in a name prints as text.
 *
 * A SafeHtml also carries the images it shows (data URLs, by key): `renderDocument` declares each
 * one once in the style sheet, so a logo repeated on 500 certificates is embedded once, not 500
 * times.
 */
const BRAND = Symbol.for('relais.print.safeHtml');

export class SafeHtml {
  // A registered symbol rather than `instanceof`: a script that loads this module twice (ESM and
  // CommonJS side by side, as tsx may) still recognises the other copy's SafeHtml.
  readonly [BRAND] = true;
  constructor(
    readonly value: string,
    readonly images: ReadonlyMap<string, string> = new Map(),
  ) {}
  toString(): string {
    return this.value;
  }
}

export const isSafeHtml = (value: unknown): value is SafeHtml =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value (quotes included). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function collect(value: Value, out: string[], images: Map<string, string>): void {
  if (value === null || value === undefined || value === false) return;
  if (isSafeHtml(value)) {
    out.push(value.value);
    for (const [k, v] of value.images) images.set(k, v);
  } else if (Array.isArray(value)) {
    for (const v of value as readonly Value[]) collect(v, out, images);
  } else {
    out.push(escapeHtml(String(value)));
  }
}

/**
 * Tagged template for document markup: interpolated strings and numbers are escaped, SafeHtml is
 * kept (with its images), arrays are joined, null/undefined/false print nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  const out: string[] = [];
  const images = new Map<string, string>();
  strings.forEach((s, i) => {
    out.push(s);
    if (i < values.length) collect(values[i]!, out, images);
  });
  return new SafeHtml(out.join(''), images);
}

/** Joins fragments (escaping any plain string), e.g. rows built in a loop. */
export function joinHtml(parts: readonly Value[], separator = ''): SafeHtml {
  const out: string[] = [];
  const images = new Map<string, string>();
  parts.forEach((p, i) => {
    if (i > 0 && separator) out.push(separator);
    collect(p, out, images);
  });
  return new SafeHtml(out.join(''), images);
}

/** Fixed markup written in our code (never user text). */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);

/** Multi-line user text: escaped, line breaks kept, blank lines become paragraph breaks. */
export function paragraphs(text: string | null | undefined): SafeHtml {
  const blocks = (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return joinHtml(blocks.map((b) => html`<p>${joinHtml(b.split('\n').map((line) => line.trim()), '<br>')}</p>`));
}

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/;

/**
 * A raster image (a data URL checked to be PNG, JPEG or WebP) shown in a box of the given class.
 * The picture is a background of that box, declared once per document, contained and never
 * stretched; `label` is its text alternative for the preview's screen readers.
 */
export function image(dataUrl: string, className: string, label: string): SafeHtml {
  if (!IMAGE_DATA_URL.test(dataUrl)) return new SafeHtml('');
  const key = `img-${createHash('sha1').update(dataUrl).digest('hex').slice(0, 12)}`;
  return new SafeHtml(
    `<span class="${escapeHtml(className)} ${key}" role="img" aria-label="${escapeHtml(label)}"></span>`,
    new Map([[key, dataUrl]]),
  );
}
