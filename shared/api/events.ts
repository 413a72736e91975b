import { attendanceMethods } from './events/attendance';
import { documentsMethods } from './events/documents';
import { planningMethods } from './events/planning';
import { staffingMethods } from './events/staffing';

/** The `events.*` methods: planning, staffing, attendance and documents live in their own files. */
export const eventsMethods = { ...planningMethods, ...staffingMethods, ...attendanceMethods, ...documentsMethods };

export * from './events/attendance';
export * from './events/documents';
export * from './events/planning';
export * from './events/staffing';
