import { Route } from 'react-router';
import { TrainingsPage } from './TrainingsPage';

export const trainingsRoutes = <Route path="trainings" element={<TrainingsPage />} />;
