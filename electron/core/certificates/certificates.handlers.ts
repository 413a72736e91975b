import type { DomainHandlers } from '../handlers';

export const certificatesHandlers: DomainHandlers<'certificates'> = {};
