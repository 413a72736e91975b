import { Route } from 'react-router';
import { CertificatesPage } from './CertificatesPage';

export const certificatesRoutes = <Route path="certificates" element={<CertificatesPage />} />;
