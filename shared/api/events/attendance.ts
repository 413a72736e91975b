import type { MethodSpec } from '../define';

/** Attendance, participants and debriefs per occurrence; the printed sheet and iCal files. */
export const attendanceMethods = {} satisfies Record<string, MethodSpec>;
