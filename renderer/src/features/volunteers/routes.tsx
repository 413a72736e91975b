import { Route } from 'react-router';
import { VolunteerDetailPage } from './VolunteerDetailPage';
import { VolunteerFormPage } from './VolunteerFormPage';
import { VolunteerListPage } from './VolunteerListPage';

/**
 * The volunteer screens, for the shell to place inside its layout route. Paths are relative so they
 * work at the top level or nested under a pathless/`/` layout: `/volunteers`, `/volunteers/new`,
 * `/volunteers/:id`, `/volunteers/:id/edit`.
 */
export const volunteerRoutes = (
  <>
    <Route path="volunteers" element={<VolunteerListPage />} />
    <Route path="volunteers/new" element={<VolunteerFormPage mode="create" />} />
    <Route path="volunteers/:id" element={<VolunteerDetailPage />} />
    <Route path="volunteers/:id/edit" element={<VolunteerFormPage mode="edit" />} />
  </>
);
