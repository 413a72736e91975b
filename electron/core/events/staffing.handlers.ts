import type { staffingMethods } from '../../../shared/api/events/staffing';
import type { HandlersFor } from '../handlers';

export const staffingHandlers: HandlersFor<typeof staffingMethods> = {};
