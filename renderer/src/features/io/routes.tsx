import { Route } from 'react-router';
import { IoPage } from './IoPage';

/** The import and export page (`/io`, `/io?tab=export`), for the shell's layout route. */
export const ioRoutes = <Route path="io" element={<IoPage />} />;
