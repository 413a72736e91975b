import type { DomainHandlers } from '../handlers';

export const backupsHandlers: DomainHandlers<'backups'> = {};
