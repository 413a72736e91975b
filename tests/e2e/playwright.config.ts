import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

// The built renderer (out/renderer) in Debian's Chromium, wired to the real core (see fixtures.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../.tmp/e2e-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1366, height: 860 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
  },
});
