import type { Association, Language } from '../../../shared/api/settings';
import { resources } from '../../../shared/i18n';
import { formatSiret } from './format';
import { html, image, joinHtml, type SafeHtml } from './html';

/** The lines under the association's name: address, then its registration numbers. */
export function identityLines(assoc: Association): string[] {
  const place = [assoc.postalCode, assoc.city].filter(Boolean).join(' ');
  const address = [assoc.addressLine, place].filter(Boolean).join(', ');
  const ids = [assoc.rna ? `RNA ${assoc.rna}` : null, assoc.siret ? `SIRET ${formatSiret(assoc.siret)}` : null].filter(Boolean);
  return [address, ids.join(' · ')].filter((l): l is string => Boolean(l));
}

/**
 * The association's letterhead: logo (when there is one), name, address, RNA and SIRET. The logo
 * is an image of the document (embedded once however many pages show it).
 */
export function associationHeader(assoc: Association, lang: Language): SafeHtml {
  const logoLabel = resources[lang].certificates.document.logo;
  return html`<header class="assoc">${assoc.logo ? image(assoc.logo, 'relais-logo', logoLabel) : null}<div>
<div class="assoc-name">${assoc.name}</div>
<div class="assoc-lines">${joinHtml(
    identityLines(assoc).map((l) => html`<div>${l}</div>`),
  )}</div></div></header>`;
}
