/** The scan itself: progress while it runs, Scan again, and a scan that fails. */
import { expect, test } from '../fixtures';

test.describe('progress', () => {
  // Replays report at once; pace them so the progress list stays on screen long enough to check,
  // even on a loaded machine.
  test.use({ cases: ['win10-bitdefender-defender-off-thm'], region: 'US', probeStepMs: 5000 });

  test('shows each check and its state while scanning, then the verdict', async ({
    verdictPage,
    handlers,
  }) => {
    await verdictPage.open();
    await expect(verdictPage.progressHeading).toBeVisible();
    await expect(verdictPage.progressItems.first()).toBeVisible();
    // This test's handler table is fresh, so the page's scan is its first: scan-1.
    const progress = await handlers.getScanProgress('scan-1');
    expect(progress.probes.length).toBeGreaterThan(0);
    await expect(verdictPage.progressItems).toHaveCount(progress.probes.length);
    for (const probe of progress.probes) {
      await expect(verdictPage.progressItem(probe.label)).toBeVisible();
    }
    await expect(verdictPage.progressItems.first()).toContainText(/Waiting|Checking…|Done/);
    // The list sits in a polite live region, so screen readers hear the changes.
    await expect(
      verdictPage.page.locator('[aria-live="polite"]').filter({ has: verdictPage.progressList }),
    ).toHaveCount(1);

    await verdictPage.waitForVerdict();
    await expect(verdictPage.verdictHeading).toBeFocused();
  });
});

test.describe('scan again', () => {
  // A scenario: Kaspersky first, then (after the person removed it) Bitdefender.
  test.use({ cases: ['win-kes10-de-wsc', 'win10-bitdefender-defender-off-thm'], region: 'US' });

  test('scans again and shows the new result', async ({ verdictPage, expectedResult }) => {
    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.verdictHeading).toHaveText(expectedResult.verdict.headline);
    await expect(verdictPage.product(/Kaspersky/)).toBeVisible();

    await verdictPage.scanAgain();
    await expect(verdictPage.level).toHaveText('Protected');
    await expect(verdictPage.product(/Bitdefender/)).toBeVisible();
    await expect(verdictPage.product(/Kaspersky/)).toHaveCount(0);
    await expect(verdictPage.verdictHeading).toBeFocused();
  });
});

test.describe('a scan that fails', () => {
  test.use({ cases: ['win-kes10-de-wsc'], failScanWith: 'the probe host stopped answering' });

  test('says so plainly with the error, and Scan again is offered', async ({ verdictPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.verdictHeading).toContainText('could not finish');
    await expect(verdictPage.scanError).toContainText('the probe host stopped answering');
    await expect(verdictPage.verdictHeading).toBeFocused();
    await expect(verdictPage.scanAgainButton).toBeVisible();
    await verdictPage.scanAgain();
    await expect(verdictPage.scanError).toContainText('the probe host stopped answering');
  });
});
