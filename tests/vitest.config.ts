import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit tests (core in plain Node against real SQLite files) and component tests (happy-dom,
// chosen per file with `// @vitest-environment happy-dom`).
export default defineConfig({
  root: resolve(__dirname, '..'),
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/ui/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    setupFiles: ['tests/ui/setup.ts'],
  },
});
