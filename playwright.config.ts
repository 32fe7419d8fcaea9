import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (research/toolchain.md §2): this machine cannot
// reach Playwright's CDN. The e2e specs serve the built renderer (npm run build:renderer first).
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Each checkout can serve its own build on its own port (E2E_PORT), and a run never reuses a
// server it did not start: a preview left running by another checkout would otherwise be tested
// in place of this one's build.
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e/specs',
  outputDir: './test-results',
  workers: 2,
  forbidOnly: !!process.env.CI,
  // A fresh temporary folder for the whole run, which must be empty again when it ends.
  globalSetup: './test-support/playwright-global-setup.ts',
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: origin,
    trace: 'retain-on-failure',
    // Pinned so dates and numbers read the same on every machine; specs that test another
    // locale say so with test.use.
    locale: 'en-GB',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumFlags,
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: origin,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
