/** The page runs under its strict CSP and sees only the invoke-only bridge. */
import { API_METHODS } from '../../electron/api/channels';
import { expect, test } from '../fixtures';

test.use({ cases: ['win-kes10-de-wsc'], region: 'US' });

test('loads under the CSP with no console errors or violations', async ({ page, verdictPage }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await verdictPage.openAndWaitForVerdict();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(problems).toEqual([]);
});

test('window.handover offers exactly the API methods and cannot be replaced', async ({
  page,
  verdictPage,
}) => {
  await verdictPage.openAndWaitForVerdict();
  const bridge = await page.evaluate(() => {
    const w = window as unknown as { handover: Record<string, unknown> };
    const before = w.handover;
    try {
      (w as { handover: unknown }).handover = {};
    } catch {
      // Strict-mode assignment to a read-only property throws; either way it must not change.
    }
    return { keys: Object.keys(before).sort(), frozen: Object.isFrozen(before), same: w.handover === before };
  });
  expect(bridge.keys).toEqual([...API_METHODS].sort());
  expect(bridge.frozen).toBe(true);
  expect(bridge.same).toBe(true);
});

test("refuses what Electron's IPC guard refuses: the same argument checks run on this bridge", async ({
  page,
  verdictPage,
}) => {
  await verdictPage.openAndWaitForVerdict();
  const answers = await page.evaluate(async () => {
    const api = (window as unknown as { handover: Record<string, (...args: unknown[]) => Promise<unknown>> })
      .handover;
    return {
      countryName: await api.startScan?.({ region: 'United States' }),
      extraKey: await api.startScan?.({ region: 'US', extra: 1 }),
      pathAsScanId: await api.getScanProgress?.('../../etc/passwd'),
      stepNobodyHas: await api.changeJourney?.({ kind: 'move', stepId: 'uninstall' }),
    };
  });
  // electron/api/argument-schemas.ts decides for both hosts; electron/main/ipc.test.ts checks IPC.
  expect(answers).toEqual({
    countryName: { kind: 'failed', message: 'Refused startScan: invalid arguments' },
    extraKey: { kind: 'failed', message: 'Refused startScan: invalid arguments' },
    pathAsScanId: { kind: 'failed', message: 'Refused getScanProgress: invalid arguments' },
    stepNobodyHas: { kind: 'failed', message: 'Refused changeJourney: invalid arguments' },
  });
});
