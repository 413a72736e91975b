import './shell.css';
import { createRoutesFromElements, Navigate, Route, type RouteObject } from 'react-router';
import { backupRoutes } from '../features/backups/routes';
import { certificatesRoutes } from '../features/certificates/routes';
import { eventsRoutes } from '../features/events/routes';
import { financeRoutes } from '../features/finance/routes';
import { hoursRoutes } from '../features/hours/routes';
import { RecoveryGate } from '../features/backups/RecoveryGate';
import { ioRoutes } from '../features/io/routes';
import { privacyRoutes } from '../features/privacy/routes';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SetupPage } from '../features/setup/SetupPage';
import { trainingsRoutes } from '../features/trainings/routes';
import { volunteerRoutes } from '../features/volunteers/routes';
import { NotFound } from './NotFound';
import { Shell } from './Shell';
import { RequireAssociation, SetupOnly, StartupGate } from './StartupGate';

/**
 * Start-up loads the settings; a database set aside at start shows the recovery screen first;
 * with no association yet every path leads to the first-run setup,
 * afterwards the shell frames the domains. Route objects for a data router (App uses a hash
 * router, component tests a memory router), which lets a form ask before it is left.
 */
export const appRoutes: RouteObject[] = createRoutesFromElements(
  <Route element={<StartupGate />}>
    <Route element={<RecoveryGate />}>
      <Route element={<SetupOnly />}>
        <Route path="/setup" element={<SetupPage />} />
      </Route>
      <Route element={<RequireAssociation />}>
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/volunteers" replace />} />
          {volunteerRoutes}
          {eventsRoutes}
          {hoursRoutes}
          {trainingsRoutes}
          {certificatesRoutes}
          {financeRoutes}
          {privacyRoutes}
          {ioRoutes}
          {backupRoutes}
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Route>
  </Route>,
);
