import { Route } from 'react-router';
import { EventsPage } from './EventsPage';

export const eventsRoutes = <Route path="events" element={<EventsPage />} />;
