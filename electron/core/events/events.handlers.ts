import type { DomainHandlers } from '../handlers';
import { attendanceHandlers } from './attendance.handlers';
import { documentsHandlers } from './documents.handlers';
import { planningHandlers } from './planning.handlers';
import { staffingHandlers } from './staffing.handlers';

export const eventsHandlers: DomainHandlers<'events'> = { ...planningHandlers, ...staffingHandlers, ...attendanceHandlers, ...documentsHandlers };
