/**
 * Printed documents (certificates, attendance sheets, reports): a self-contained A4 HTML frame
 * with the embedded serif font, escaping, the association's letterhead and the words of dates and
 * hours on paper. Core builds the HTML; the Platform prints it (DESIGN §5).
 */
export { A4, renderDocument, sheet, type DocumentInput, type Orientation } from './document';
export { DOCUMENT_FONT } from './fonts';
export { documentDate, documentHours, documentNumber, formatSiret, typography } from './format';
export { associationHeader, identityLines } from './header';
export { escapeHtml, html, image, isSafeHtml, joinHtml, paragraphs, SafeHtml, trustedHtml } from './html';
