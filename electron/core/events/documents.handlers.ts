import type { documentsMethods } from '../../../shared/api/events/documents';
import type { HandlersFor } from '../handlers';

export const documentsHandlers: HandlersFor<typeof documentsMethods> = {};
