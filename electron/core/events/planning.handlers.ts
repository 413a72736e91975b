import type { planningMethods } from '../../../shared/api/events/planning';
import { RelaisFailure } from '../../../shared/errors';
import type { HandlersFor } from '../handlers';

// The contract is published first so staffing, attendance and documents can build on it; the
// planning service lands right after.
const notYet = () => {
  throw new RelaisFailure('PLATFORM_UNAVAILABLE');
};

export const planningHandlers: HandlersFor<typeof planningMethods> = {
  'events.create': notYet,
  'events.get': notYet,
  'events.update': notYet,
  'events.cancel': notYet,
  'events.restore': notYet,
  'events.createSeries': notYet,
  'events.previewSeries': notYet,
  'events.getSeries': notYet,
  'events.updateSeries': notYet,
  'events.calendar': notYet,
  'events.upcoming': notYet,
  'events.volunteerSchedule': notYet,
  'events.listProgrammes': notYet,
  'events.createProgramme': notYet,
  'events.renameProgramme': notYet,
  'events.archiveProgramme': notYet,
};
