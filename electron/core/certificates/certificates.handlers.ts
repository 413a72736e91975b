import { todayIso } from '../clock';
import type { DomainHandlers } from '../handlers';
import { cancelIssue, currentIssue } from './batch-job';
import * as service from './certificates.service';
import { exportRegistry } from './export';
import { dueForRecognition } from './milestones';
import { listIssued } from './registry';
import { readCertificateSettings, saveCertificateSettings } from './settings';

export const certificatesHandlers: DomainHandlers<'certificates'> = {
  'certificates.settings': (_input, ctx) => readCertificateSettings(ctx.sqlite),
  'certificates.saveSettings': (input, ctx) => saveCertificateSettings(ctx.sqlite, input),
  'certificates.draft': (input, ctx) => service.draft(ctx, input),
  'certificates.preview': (input, ctx) => service.preview(ctx, input),
  'certificates.issue': (input, ctx) => service.issue(ctx, input),
  'certificates.batch': (input, ctx) => service.batch(ctx, input),
  'certificates.progress': (_input, ctx) => currentIssue(ctx.session),
  'certificates.cancel': (_input, ctx) => ({ cancelled: cancelIssue(ctx.session) }),
  'certificates.due': (_input, ctx) => ({ items: dueForRecognition(ctx.sqlite, readCertificateSettings(ctx.sqlite), todayIso()) }),
  'certificates.list': ({ offset, limit, ...filter }, ctx) => listIssued(ctx.sqlite, filter, { offset, limit }),
  'certificates.view': ({ id }, ctx) => service.view(ctx, id),
  'certificates.reprint': ({ id }, ctx) => service.reprint(ctx, id),
  'certificates.export': ({ format, ...filter }, ctx) => exportRegistry(ctx, filter, format),
};
