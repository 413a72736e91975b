import type { DomainHandlers } from '../handlers';

export const privacyHandlers: DomainHandlers<'privacy'> = {};
