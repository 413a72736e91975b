import type { DomainHandlers } from '../handlers';

export const financeHandlers: DomainHandlers<'finance'> = {};
