import type { DomainHandlers } from '../handlers';

export const trainingsHandlers: DomainHandlers<'trainings'> = {};
