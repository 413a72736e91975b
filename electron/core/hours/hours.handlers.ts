import type { DomainHandlers } from '../handlers';
import * as entries from './hours.service';
import { hourTotals, volunteerSummary } from './hours.summary';

export const hoursHandlers: DomainHandlers<'hours'> = {
  'hours.list': (input, ctx) => entries.listEntries(ctx, input),
  'hours.create': (input, ctx) => entries.createEntry(ctx, input),
  'hours.update': (input, ctx) => entries.updateEntry(ctx, input),
  'hours.remove': ({ id }, ctx) => entries.removeEntry(ctx, id),
  'hours.approve': ({ ids }, ctx) => entries.setApproval(ctx, ids, 'approved'),
  'hours.reject': ({ ids }, ctx) => entries.setApproval(ctx, ids, 'rejected'),
  'hours.totals': (input, ctx) => hourTotals(ctx, input),
  'hours.volunteerSummary': ({ volunteerId }, ctx) => volunteerSummary(ctx, volunteerId),
};
