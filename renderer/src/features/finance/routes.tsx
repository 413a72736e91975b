import { Route } from 'react-router';
import { FinancePage } from './FinancePage';

export const financeRoutes = <Route path="finance" element={<FinancePage />} />;
