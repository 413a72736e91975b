import { Route, Routes } from 'react-router';

// Placeholder until the app shell lands: the shell owner replaces this file.
export function AppRoutes() {
  return (
    <Routes>
      <Route path="*" element={<div>Relais</div>} />
    </Routes>
  );
}
