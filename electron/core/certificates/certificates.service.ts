import type { z } from 'zod';
import {
  certificateDraft,
  LOGO_MAX_BYTES,
  type Association,
  type BatchResult,
  type CertificateDraft,
  type CertificateSettings,
  type DraftView,
  type PreviewView,
  type SaveResult,
  type batchInput,
  type draftRequest,
} from '../../../shared/api';
import { RelaisFailure, type FieldIssue } from '../../../shared/errors';
import { nowIso, todayIso } from '../clock';
import type { Context } from '../context';
import { volunteerMinutes } from '../hours/totals';
import { toFieldIssues } from '../validation';
import { runIssue, type Work } from './batch-job';
import { fullName, type CertificateModel } from './model';
import { batchFileName, checkFolder, fileNameFor, inFolder, PendingFiles } from './output';
import { prefill, reasonFor, type VolunteerFacts } from './prefill';
import { assignNumbers, formatNumber, loadModel, nextSequence, record } from './registry';
import { readCertificateSettings } from './settings';
import { renderCertificates } from './templates';

const PDF_FILTERS = [{ nameKey: 'files.pdf', extensions: ['pdf'] }];

/** The association's identity; documents cannot be made without it. */
export function requireAssociation(ctx: Context): Association {
  const row = ctx.sqlite.prepare('SELECT * FROM association WHERE id = 1').get() as Record<string, string | null> | undefined;
  if (!row || !row.name) throw new RelaisFailure('SETUP_REQUIRED', { reason: 'noAssociation' });
  const assoc: Association = {
    name: row.name,
    addressLine: row.address_line ?? null,
    postalCode: row.postal_code ?? null,
    city: row.city ?? null,
    rna: row.rna ?? null,
    siret: row.siret ?? null,
    logo: row.logo ?? null,
    signatoryName: row.signatory_name ?? null,
    signatoryTitle: row.signatory_title ?? null,
  };
  // Settings refuse a logo over 2 MB; one that got in another way would make every page heavy.
  if (assoc.logo && assoc.logo.length > Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 64) throw new RelaisFailure('VALIDATION', { reason: 'logoTooBig' });
  return assoc;
}

function loadVolunteer(ctx: Context, id: number): VolunteerFacts {
  const row = ctx.sqlite
    .prepare(
      `SELECT v.id, v.first_name, v.last_name, v.joined_on, (e.volunteer_id IS NOT NULL) AS erased
       FROM volunteers v LEFT JOIN erasures e ON e.volunteer_id = v.id WHERE v.id = ?`,
    )
    .get(id) as { id: number; first_name: string; last_name: string; joined_on: string; erased: number } | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { reason: 'volunteerNotFound', id });
  if (row.erased) throw new RelaisFailure('CONFLICT', { reason: 'erased', id });
  return { id: row.id, firstName: row.first_name, lastName: row.last_name, joinedOn: row.joined_on };
}

const invalid = (issues: FieldIssue[], extra: Record<string, unknown> = {}) => new RelaisFailure('VALIDATION', { issues, ...extra });

/**
 * Turns a checked draft into what the page will show: the volunteer's name and the hours read
 * now, the signature image. Refuses what would make a wrong document.
 */
function buildModel(ctx: Context, draft: CertificateDraft, association: Association, settings: CertificateSettings): CertificateModel {
  const volunteer = loadVolunteer(ctx, draft.volunteerId);
  let minutes: number | null = null;
  if (draft.template === 'attestation' || draft.template === 'mission') {
    minutes = volunteerMinutes(ctx.sqlite, volunteer.id, { from: draft.periodFrom, to: draft.periodTo });
    // An attestation certifies time given: with none counted, it would certify nothing.
    if (draft.template === 'attestation' && minutes === 0) throw invalid([{ path: ['periodFrom'], key: 'noHours' }], { reason: 'noHours' });
  } else if (draft.template === 'recognition') {
    minutes = volunteerMinutes(ctx.sqlite, volunteer.id, { to: draft.issuedOn });
  }
  if (draft.withSignature && !settings.signature) throw invalid([{ path: ['withSignature'], key: 'noSignature' }], { reason: 'noSignature' });
  return {
    layout: 1,
    number: '',
    draft,
    association,
    volunteer: { firstName: volunteer.firstName, lastName: volunteer.lastName },
    minutes,
    signature: draft.withSignature ? settings.signature : null,
  };
}

export function draft(ctx: Context, input: z.output<typeof draftRequest>): DraftView {
  const association = requireAssociation(ctx);
  const settings = readCertificateSettings(ctx.sqlite);
  const volunteer = loadVolunteer(ctx, input.volunteerId);
  const today = todayIso();
  const period = { from: input.periodFrom ?? (volunteer.joinedOn <= today ? volunteer.joinedOn : today), to: input.periodTo ?? today };
  const draft = prefill(ctx.sqlite, {
    template: input.template,
    language: input.language,
    volunteer,
    period,
    milestone: input.milestone,
    issuedOn: today,
    place: settings.place ?? association.city,
    association,
  });
  return {
    draft,
    volunteerName: fullName(volunteer),
    minutes: volunteerMinutes(ctx.sqlite, volunteer.id, input.template === 'recognition' ? { to: today } : period),
  };
}

export function preview(ctx: Context, input: CertificateDraft): PreviewView {
  const model = buildModel(ctx, input, requireAssociation(ctx), readCertificateSettings(ctx.sqlite));
  const year = Number(input.issuedOn.slice(0, 4));
  model.number = formatNumber(year, nextSequence(ctx.sqlite, year));
  const { html, orientation } = renderCertificates([model]);
  return { html, orientation, number: model.number, minutes: model.minutes };
}

/**
 * Prints the numbered models and records them. Numbers are handed out from the registry first
 * (printed on the pages), the PDFs written under temporary names, then published and recorded in
 * one transaction; a failure or a cancel anywhere removes the files and records nothing.
 */
async function printAndRecord(
  ctx: Context,
  work: Work,
  models: CertificateModel[],
  target: { kind: 'file'; path: string } | { kind: 'folder'; path: string },
) {
  const files = new PendingFiles();
  try {
    assignNumbers(ctx.sqlite, models);
    work.progress('prepare', models.length);
    work.checkpoint();
    if (target.kind === 'file') {
      const { html, orientation } = renderCertificates(models);
      work.progress('print', 0);
      const pdf = await ctx.platform.printToPdf(html, { landscape: orientation === 'landscape' });
      work.progress('print', models.length);
      work.checkpoint();
      files.write(target.path, pdf);
    } else {
      work.progress('print', 0);
      for (const [i, model] of models.entries()) {
        const { html, orientation } = renderCertificates([model]);
        const pdf = await ctx.platform.printToPdf(html, { landscape: orientation === 'landscape' });
        work.checkpoint();
        files.write(inFolder(target.path, fileNameFor(model)), pdf);
        work.progress('print', i + 1);
      }
    }
    work.commit();
    work.progress('write', 0);
    files.publish();
    const issuedAt = nowIso();
    const issued = ctx.sqlite.transaction(() => record(ctx.sqlite, models, issuedAt))();
    work.progress('write', models.length);
    return issued;
  } catch (error) {
    files.discard();
    throw error;
  }
}

export async function issue(ctx: Context, input: CertificateDraft): Promise<SaveResult> {
  const model = buildModel(ctx, input, requireAssociation(ctx), readCertificateSettings(ctx.sqlite));
  const year = Number(input.issuedOn.slice(0, 4));
  const defaultName = fileNameFor({ ...model, number: formatNumber(year, nextSequence(ctx.sqlite, year)) });
  const path = await ctx.platform.chooseSaveFile({ titleKey: 'files.certificateTitle', defaultName, filters: PDF_FILTERS });
  if (!path) return { status: 'cancelled' };
  const certificates = await runIssue(ctx.session, 1, (work) => printAndRecord(ctx, work, [model], { kind: 'file', path }));
  return { status: 'saved', path, certificates };
}

/** The draft of one person in a batch: their own prefill, the batch's fields over it. */
function batchDraft(ctx: Context, input: z.output<typeof batchInput>, association: Association, item: { volunteerId: number; milestone: string | null }) {
  const volunteer = loadVolunteer(ctx, item.volunteerId);
  const today = todayIso();
  const period = { from: input.periodFrom ?? volunteer.joinedOn, to: input.periodTo ?? today };
  const base = prefill(ctx.sqlite, {
    template: input.template,
    language: input.language,
    volunteer,
    period,
    milestone: item.milestone,
    issuedOn: input.issuedOn,
    place: input.place,
    association,
  });
  const common = {
    issuedOn: input.issuedOn,
    place: input.place,
    signatoryName: input.signatoryName,
    signatoryTitle: input.signatoryTitle,
    withSignature: input.withSignature,
  };
  const specific =
    input.template === 'recognition'
      ? { reason: input.reason ?? reasonFor(item.milestone, input.language), message: input.message }
      : input.template === 'training'
        ? { course: input.course ?? '', courseDate: input.courseDate ?? input.issuedOn, trainer: input.trainer, durationMinutes: input.durationMinutes ?? 0, content: input.content }
        : {};
  return { ...base, ...common, ...specific };
}

/** The fields a batch of this kind needs in common (each person's own texts come from their draft). */
function checkBatch(input: z.output<typeof batchInput>): void {
  const issues: FieldIssue[] = [];
  if (input.template === 'attestation' || input.template === 'mission') {
    if (!input.periodFrom) issues.push({ path: ['periodFrom'], key: 'required' });
    if (!input.periodTo) issues.push({ path: ['periodTo'], key: 'required' });
  }
  if (input.template === 'training') {
    if (!input.course) issues.push({ path: ['course'], key: 'required' });
    if (!input.courseDate) issues.push({ path: ['courseDate'], key: 'required' });
    if (input.durationMinutes === null) issues.push({ path: ['durationMinutes'], key: 'required' });
  }
  const ids = input.items.map((i) => i.volunteerId);
  if (new Set(ids.map((id, n) => `${id}:${input.items[n]!.milestone ?? ''}`)).size !== ids.length) issues.push({ path: ['items'], key: 'duplicateVolunteer' });
  if (issues.length) throw invalid(issues);
}

export async function batch(ctx: Context, input: z.output<typeof batchInput>): Promise<BatchResult> {
  checkBatch(input);
  const association = requireAssociation(ctx);
  const settings = readCertificateSettings(ctx.sqlite);
  // Every document is checked before anyone is asked where to save: a batch is all or nothing.
  const models: CertificateModel[] = [];
  const noHours: { id: number; name: string }[] = [];
  for (const item of input.items) {
    const parsed = certificateDraft.safeParse(batchDraft(ctx, input, association, item));
    if (!parsed.success) throw invalid(toFieldIssues(parsed.error), { volunteerId: item.volunteerId });
    try {
      models.push(buildModel(ctx, parsed.data, association, settings));
    } catch (error) {
      if (error instanceof RelaisFailure && error.details?.['reason'] === 'noHours') {
        const v = loadVolunteer(ctx, item.volunteerId);
        noHours.push({ id: v.id, name: fullName(v) });
      } else throw error;
    }
  }
  if (noHours.length) throw invalid([{ path: ['items'], key: 'noHours' }], { reason: 'noHoursFor', volunteers: noHours.slice(0, 20), count: noHours.length });

  let target: { kind: 'file'; path: string } | { kind: 'folder'; path: string };
  if (input.output === 'combined') {
    const path = await ctx.platform.chooseSaveFile({ titleKey: 'files.certificateTitle', defaultName: batchFileName(input.template, input.language, input.issuedOn), filters: PDF_FILTERS });
    if (!path) return { status: 'cancelled' };
    target = { kind: 'file', path };
  } else {
    const folder = await ctx.platform.chooseFolder({ titleKey: 'files.certificateFolderTitle' });
    if (!folder) return { status: 'cancelled' };
    checkFolder(folder);
    target = { kind: 'folder', path: folder };
  }
  const certificates = await runIssue(ctx.session, models.length, (work) => printAndRecord(ctx, work, models, target));
  return { status: 'saved', path: target.path, files: target.kind === 'file' ? 1 : models.length, certificates };
}

export function view(ctx: Context, id: number) {
  const model = loadModel(ctx.sqlite, id);
  const { html, orientation } = renderCertificates([model]);
  return { html, orientation, number: model.number };
}

/** The same document again, from its snapshot: no new number, nothing recorded. */
export async function reprint(ctx: Context, id: number) {
  const model = loadModel(ctx.sqlite, id);
  const path = await ctx.platform.chooseSaveFile({ titleKey: 'files.certificateTitle', defaultName: fileNameFor(model), filters: PDF_FILTERS });
  if (!path) return { status: 'cancelled' as const };
  const { html, orientation } = renderCertificates([model]);
  const pdf = await ctx.platform.printToPdf(html, { landscape: orientation === 'landscape' });
  const files = new PendingFiles();
  try {
    files.write(path, pdf);
    files.publish();
  } catch (error) {
    files.discard();
    throw error;
  }
  return { status: 'saved' as const, path };
}
