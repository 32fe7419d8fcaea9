import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    // The Windows engine tests need the .NET host: `npm run test:windows` (vitest.windows.config.ts).
    exclude: ['**/node_modules/**', '**/*.engine.test.ts'],
    environment: 'node',
    // A fresh temporary folder for the whole run, which must be empty again when it ends.
    globalSetup: ['test-support/vitest-global-setup.ts'],
  },
});
