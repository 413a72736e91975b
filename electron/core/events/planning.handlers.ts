import type { planningMethods } from '../../../shared/api/events/planning';
import type { HandlersFor } from '../handlers';

export const planningHandlers: HandlersFor<typeof planningMethods> = {};
