import { Route } from 'react-router';
import { HoursPage } from './HoursPage';

export const hoursRoutes = <Route path="hours" element={<HoursPage />} />;
