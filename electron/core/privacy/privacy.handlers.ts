import type { DomainHandlers } from '../handlers';
import { consentOverview } from './consent';
import { exportPerson } from './person-export';
import { erase, erasureLog, personStatus } from './privacy.service';
import { retentionList, setRetentionYears } from './retention';

export const privacyHandlers: DomainHandlers<'privacy'> = {
  'privacy.personStatus': ({ id }, ctx) => personStatus(ctx, id),
  'privacy.exportPerson': ({ id }, ctx) => exportPerson(ctx, id),
  'privacy.erase': ({ id }, ctx) => erase(ctx, [id]),
  'privacy.eraseMany': ({ ids }, ctx) => erase(ctx, ids),
  'privacy.erasureLog': (_input, ctx) => erasureLog(ctx),
  'privacy.retention': (input, ctx) => retentionList(ctx, input),
  'privacy.setRetentionYears': ({ years }, ctx) => setRetentionYears(ctx, years),
  'privacy.consentOverview': (input, ctx) => consentOverview(ctx, input),
};
