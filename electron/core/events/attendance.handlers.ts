import type { attendanceMethods } from '../../../shared/api/events/attendance';
import type { HandlersFor } from '../handlers';

export const attendanceHandlers: HandlersFor<typeof attendanceMethods> = {};
