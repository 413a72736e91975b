import { defineConfig } from '@playwright/test';

// Launches the real Electron app (no browser project): only meaningful where the Electron binary
// is installed. Run `npm run build` first; the specs start out/main/index.js.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
