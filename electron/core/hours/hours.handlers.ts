import type { DomainHandlers } from '../handlers';

export const hoursHandlers: DomainHandlers<'hours'> = {};
