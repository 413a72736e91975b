import { Route } from 'react-router';
import { SessionPage } from './SessionPage';
import { TrainingsPage } from './TrainingsPage';

/** `/trainings` (sessions, catalogue, qualifications) and `/trainings/sessions/:eventId`. */
export const trainingsRoutes = (
  <>
    <Route path="trainings" element={<TrainingsPage />} />
    <Route path="trainings/sessions/:eventId" element={<SessionPage />} />
  </>
);
