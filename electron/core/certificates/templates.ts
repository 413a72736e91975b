import { TEMPLATE_ORIENTATION, type Language } from '../../../shared/api';
import {
  associationHeader,
  documentDate,
  documentHours,
  html,
  image,
  joinHtml,
  paragraphs,
  renderDocument,
  sheet,
  typography,
  type Orientation,
  type SafeHtml,
} from '../print';
import { fullName, type CertificateModel } from './model';
import { documentWords, fill } from './words';

/**
 * The four documents, drawn from a CertificateModel. Every text a person typed goes through
 * `typography` (French spacing) and `html` (escaping). Layout 1.
 */

const ACCENT = '#1f4e5f';
const GOLD = '#a88a4f';

const STYLES = `
.title { font-size: 22pt; font-weight: 600; color: ${ACCENT}; letter-spacing: 0.01em; }
.number { font-size: 9pt; color: #5b6670; font-variant-numeric: lining-nums tabular-nums; }
.rule { height: 0; border: 0; border-top: 0.6pt solid ${GOLD}; margin: 6mm 0; }
.section-title { font-size: 10pt; font-weight: 600; color: ${ACCENT}; text-transform: uppercase; letter-spacing: 0.08em; margin: 5mm 0 1.5mm; }
.sign { margin-top: auto; padding-top: 8mm; display: flex; justify-content: flex-end; }
.sign-block { min-width: 70mm; max-width: 95mm; }
.sign-where { margin-bottom: 2mm; }
.sign-image { display: block; width: 55mm; height: 22mm; background: left center / contain no-repeat; }
.sign-space { height: 22mm; }
.sign-name { font-weight: 600; }
.sign-title { color: #3d4750; }
.foot { margin-top: 8mm; display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm; font-size: 8.5pt; color: #5b6670; }

/* Attestation and mission sheet: a letter. */
.letter { --margin: 20mm 22mm 16mm; }
.letter .heading { text-align: center; margin-top: 12mm; }
.letter .heading .number { margin-top: 1.5mm; }
.letter .lead { margin-top: 10mm; }
.letter .who { text-align: center; font-size: 17pt; font-weight: 600; font-style: italic; margin: 4mm 0; }
.letter .text p { text-align: justify; }

/* Recognition and training: a framed certificate. */
.framed { --margin: 12mm; }
.frame { flex: 1; display: flex; flex-direction: column; align-items: center; text-align: center;
  border: 2.2pt solid ${ACCENT}; outline: 0.6pt solid ${GOLD}; outline-offset: -3.2mm; padding: 10mm 22mm 8mm; }
.frame .relais-logo { width: 40mm; height: 20mm; margin: 0 auto 2mm; }
.frame .org { font-size: 12pt; font-weight: 600; letter-spacing: 0.04em; }
.frame .title { font-size: 28pt; margin-top: 4mm; text-transform: uppercase; letter-spacing: 0.09em; font-weight: 600; }
.frame .ornament { width: 44mm; border-top: 0.6pt solid ${GOLD}; margin: 4mm auto 0; }
.frame .middle { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 3mm 0; }
.frame .presented { font-style: italic; font-size: 13pt; color: #3d4750; }
.frame .who { font-size: 32pt; font-style: italic; font-weight: 600; margin: 2mm 0 4mm; color: #1d2329; line-height: 1.15; }
.frame .reason { font-size: 15pt; max-width: 210mm; }
.frame .message { font-style: italic; font-size: 12pt; max-width: 200mm; margin-top: 4mm; color: #3d4750; }
.frame .course { font-size: 20pt; font-weight: 600; font-style: italic; margin: 2mm 0 3mm; }
.frame .content { max-width: 200mm; font-size: 10.5pt; text-align: left; margin-top: 3mm; }
.frame .sign-image, .frame .sign-space { height: 16mm; }
.frame .sign-where { margin-bottom: 1mm; }
.frame .bottom { width: 100%; display: flex; justify-content: space-between; align-items: flex-end; text-align: left; padding-top: 6mm; }
.frame .bottom .number { align-self: flex-end; }

/* Mission sheet: labelled fields. */
.fields { width: 100%; border-collapse: collapse; margin-top: 6mm; }
.fields th { width: 45mm; text-align: left; vertical-align: top; font-weight: 600; font-size: 10pt; color: ${ACCENT}; padding: 2.2mm 4mm 2.2mm 0; border-top: 0.5pt solid #d5d9dd; }
.fields td { vertical-align: top; padding: 2.2mm 0; border-top: 0.5pt solid #d5d9dd; }
.fields td p:last-child { margin-bottom: 0; }
.fields .blank { height: 16mm; }
.two-signs { margin-top: auto; padding-top: 6mm; display: flex; justify-content: space-between; gap: 12mm; break-inside: avoid; }
.sign, .foot { break-inside: avoid; }
.mission .heading { margin-top: 7mm; }
.mission .fields { margin-top: 5mm; }
.mission .fields th, .mission .fields td { padding-top: 1.8mm; padding-bottom: 1.8mm; }
.mission .sign-image, .mission .sign-space { height: 16mm; }
.two-signs > div { flex: 1; }
`;

const typed = (text: string | null | undefined, lang: Language) => (text ? typography(text, lang) : '');

/** « Fait à Lyon, le 1er mars 2027 », the signature, the name and title. */
function signature(model: CertificateModel, lang: Language): SafeHtml {
  const w = documentWords(lang);
  const { draft } = model;
  const place = draft.place ?? model.association.city;
  const date = documentDate(draft.issuedOn, lang);
  const where = place ? fill(w.signedAt, { place: typography(place, lang), date }) : fill(w.signedOn, { date });
  return html`<div class="sign-block">
<div class="sign-where">${where}</div>
${model.signature ? image(model.signature, 'sign-image', fill(w.signatureOf, { name: draft.signatoryName })) : html`<div class="sign-space"></div>`}
<div class="sign-name">${typed(draft.signatoryName, lang)}</div>
${draft.signatoryTitle ? html`<div class="sign-title">${typed(draft.signatoryTitle, lang)}</div>` : null}
</div>`;
}

const numberLine = (model: CertificateModel, lang: Language) => html`<div class="number">${fill(documentWords(lang).number, { number: model.number })}</div>`;

function section(title: string, body: string, lang: Language): SafeHtml | null {
  return body.trim() ? html`<div class="section-title">${title}</div><div class="text">${paragraphs(typography(body, lang))}</div>` : null;
}

function attestation(model: CertificateModel): SafeHtml {
  const { draft } = model;
  if (draft.template !== 'attestation') throw new Error('not an attestation');
  const lang = draft.language;
  const w = documentWords(lang);
  const a = w.attestation;
  const intro = fill(draft.signatoryTitle ? a.intro : a.introNoTitle, {
    signatory: typography(draft.signatoryName, lang),
    title: typed(draft.signatoryTitle, lang),
    association: typography(model.association.name, lang),
  });
  const engagement = fill(a.engagement, {
    from: documentDate(draft.periodFrom, lang),
    to: documentDate(draft.periodTo, lang),
    hours: documentHours(model.minutes ?? 0, lang),
  });
  return sheet(
    html`${associationHeader(model.association, lang)}
<div class="heading"><h1 class="title">${a.title}</h1>${numberLine(model, lang)}</div>
<div class="lead text"><p>${intro}</p></div>
<div class="who">${typography(fullName(model.volunteer), lang)}</div>
<div class="text"><p>${engagement}</p></div>
${section(a.missions, draft.missions, lang)}
${section(a.skills, draft.skills, lang)}
<div class="text" style="margin-top:5mm"><p>${a.closing}</p></div>
<div class="sign">${signature(model, lang)}</div>
<div class="foot"><span>${w.hoursNote}</span></div>`,
    'letter',
  );
}

/** The centred top of a framed certificate: logo, association, title. */
function frameTop(model: CertificateModel, lang: Language, title: string): SafeHtml {
  const w = documentWords(lang);
  return html`${model.association.logo ? image(model.association.logo, 'relais-logo', w.logo) : null}
<div class="org">${typography(model.association.name, lang)}</div>
<h1 class="title">${title}</h1>
<div class="ornament"></div>`;
}

function recognition(model: CertificateModel): SafeHtml {
  const { draft } = model;
  if (draft.template !== 'recognition') throw new Error('not a recognition certificate');
  const lang = draft.language;
  const r = documentWords(lang).recognition;
  return sheet(
    html`<div class="frame">${frameTop(model, lang, r.title)}
<div class="middle"><div class="presented">${r.presented}</div>
<div class="who">${typography(fullName(model.volunteer), lang)}</div>
<div class="reason">${typography(draft.reason, lang)}</div>
${draft.message ? html`<div class="message">${paragraphs(typography(draft.message, lang))}</div>` : null}
<div class="message">${fill(r.from, { association: typography(model.association.name, lang) })}</div></div>
<div class="bottom">${numberLine(model, lang)}${signature(model, lang)}</div></div>`,
    'framed',
  );
}

function training(model: CertificateModel): SafeHtml {
  const { draft } = model;
  if (draft.template !== 'training') throw new Error('not a training certificate');
  const lang = draft.language;
  const t = documentWords(lang).training;
  const when = fill(t.when, { date: documentDate(draft.courseDate, lang), duration: documentHours(draft.durationMinutes, lang) });
  const by = draft.trainer ? `, ${fill(t.trainer, { trainer: typography(draft.trainer, lang) })}` : '';
  return sheet(
    html`<div class="frame">${frameTop(model, lang, t.title)}
<div class="middle"><div class="presented">${fill(t.intro, { association: typography(model.association.name, lang) })}</div>
<div class="who">${typography(fullName(model.volunteer), lang)}</div>
<div class="presented">${t.completed}</div>
<div class="course">${lang === 'fr' ? `«\u00a0${typography(draft.course, lang)}\u00a0»` : `“${draft.course}”`}</div>
<div class="reason">${when}${by}.</div>
${draft.content ? html`<div class="content"><div class="section-title">${t.content}</div>${paragraphs(typography(draft.content, lang))}</div>` : null}</div>
<div class="bottom">${numberLine(model, lang)}${signature(model, lang)}</div></div>`,
    'framed',
  );
}

function mission(model: CertificateModel): SafeHtml {
  const { draft } = model;
  if (draft.template !== 'mission') throw new Error('not a mission sheet');
  const lang = draft.language;
  const w = documentWords(lang);
  const m = w.mission;
  const row = (label: string, value: SafeHtml | string | null) =>
    html`<tr><th scope="row">${label}</th><td>${value === null || value === '' ? html`<div class="blank"></div>` : value}</td></tr>`;
  const text = (value: string) => (value.trim() ? paragraphs(typography(value, lang)) : null);
  return sheet(
    html`${associationHeader(model.association, lang)}
<div class="heading"><h1 class="title">${m.title}</h1><div class="muted">${m.subtitle}</div>${numberLine(model, lang)}</div>
<table class="fields"><tbody>
${row(m.volunteer, html`<strong>${typography(fullName(model.volunteer), lang)}</strong>`)}
${row(m.period, fill(m.periodValue, { from: documentDate(draft.periodFrom, lang), to: documentDate(draft.periodTo, lang) }))}
${row(m.place, typed(draft.missionPlace, lang) || null)}
${model.minutes ? row(m.hours, documentHours(model.minutes, lang)) : null}
${row(m.context, text(draft.context))}
${row(m.purpose, text(draft.purpose))}
${row(m.activities, text(draft.activities))}
${row(m.results, text(draft.results))}
${row(m.responsibilities, text(draft.responsibilities))}
${row(m.skills, text(draft.skills))}
</tbody></table>
<div class="two-signs"><div><div class="section-title">${m.volunteerSignature}</div><div class="sign-name">${typography(fullName(model.volunteer), lang)}</div></div>
<div><div class="section-title">${m.validation}</div>${signature(model, lang)}</div></div>
${model.minutes ? html`<div class="foot"><span>${w.hoursNote}</span></div>` : null}`,
    'letter mission',
  );
}

const DRAW = { attestation, recognition, training, mission } as const;

const titleOf = (model: CertificateModel): string => {
  const w = documentWords(model.draft.language);
  return `${w[model.draft.template].title} — ${fullName(model.volunteer)} — ${model.number}`;
};

/** One sheet per model, in one self-contained document (all of one template and language). */
export function renderCertificates(models: readonly CertificateModel[]): { html: string; orientation: Orientation } {
  const first = models[0];
  if (!first) throw new Error('renderCertificates: nothing to render');
  const orientation = TEMPLATE_ORIENTATION[first.draft.template];
  const body = joinHtml(models.map((m) => DRAW[m.draft.template](m)));
  const title = models.length === 1 ? titleOf(first) : documentWords(first.draft.language)[first.draft.template].title;
  return { html: renderDocument({ lang: first.draft.language, title, orientation, body, styles: STYLES }), orientation };
}
