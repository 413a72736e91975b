import { Route } from 'react-router';
import { BackupsPage } from './BackupsPage';

/** The backups page (`/backups`), for the shell's layout route. */
export const backupRoutes = <Route path="backups" element={<BackupsPage />} />;
