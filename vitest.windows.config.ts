import { defineConfig } from 'vitest/config';

// `npm run test:windows`: the engine tests, which run the exact Windows scan script in a real
// PowerShell engine (windows-engine/, README "Windows engine tests"). One global setup runs the
// whole batch through the .NET host; the tests read its result.
export default defineConfig({
  test: {
    include: ['electron/**/*.engine.test.ts'],
    environment: 'node',
    globalSetup: [
      'test-support/vitest-global-setup.ts',
      'electron/probes/windows/test-support/engine-global-setup.ts',
    ],
    testTimeout: 60_000,
  },
});
