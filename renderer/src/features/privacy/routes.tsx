import { Route } from 'react-router';
import { PrivacyPage } from './PrivacyPage';

/** The personal data page (`/privacy`, `/privacy?tab=retention`), for the shell's layout route. */
export const privacyRoutes = <Route path="privacy" element={<PrivacyPage />} />;
