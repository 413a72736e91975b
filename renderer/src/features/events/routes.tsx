import { Route } from 'react-router';
import { EventFormPage } from './EventFormPage';
import { EventPage } from './EventPage';
import { EventsPage } from './EventsPage';

/**
 * `/events` (calendar: `?view=week&date=…`), `/events/new` (`?date=`), `/events/:id` (tabs in
 * `?tab=`), `/events/:id/edit` (this event or session), `/events/:id/edit-series` (the series from
 * this session, or all of it).
 */
export const eventsRoutes = (
  <>
    <Route path="events" element={<EventsPage />} />
    <Route path="events/new" element={<EventFormPage mode="create" />} />
    <Route path="events/:id" element={<EventPage />} />
    <Route path="events/:id/edit" element={<EventFormPage mode="event" />} />
    <Route path="events/:id/edit-series" element={<EventFormPage mode="series" />} />
  </>
);
