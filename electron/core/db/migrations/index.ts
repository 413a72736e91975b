import { registry } from './001-registry';
import { searchAndSkills } from './002-search-and-skills';
import { listOrder } from './003-list-order';
import { erasures } from './005-erasures';
import { eventsAndHours } from './006-events-and-hours';
import { certificates } from './007-certificates';
import { trainings } from './008-trainings';
import { finance } from './009-finance';
import { hourListOrder } from './010-hour-list-order';
import type { Migration } from './types';

/** Statically imported so a bundled app carries them (no reading of a migrations folder). */
export const MIGRATIONS: readonly Migration[] = [registry, searchAndSkills, listOrder, erasures, eventsAndHours, certificates, trainings, finance, hourListOrder];
export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;
export type { Migration };
