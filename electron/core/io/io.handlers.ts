import type { DomainHandlers } from '../handlers';

export const ioHandlers: DomainHandlers<'io'> = {};
