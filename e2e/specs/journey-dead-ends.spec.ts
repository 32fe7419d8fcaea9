/**
 * Issue 12 §1, no dead ends: the branches where a journey could stop, each walked to Done (or, for
 * the failed scan, to the help tools). The other branches are in the platform specs: a failed
 * uninstall tried again (journey-windows.spec.ts), no registered uninstaller (the Total Security
 * walk there, and the Mac's uninstaller app in journey-macos.spec.ts).
 */

import type { PreflightFacts } from '../../electron/core/plan/preflight';
import { err, ok } from '../../electron/core/util/result';
import { STAND_IN_READINGS } from '../../electron/probes/test-support/fixed-preflight';
import { expect, test } from '../fixtures';
import { journeyShot } from '../journey-shots';
import { HelpDeskPage } from '../pages/help-desk-page';

const KTS = 'journeys/windows-kts-to-defender';
const KES = 'journeys/windows-kes-managed';
const KPM = 'journeys/windows-standard-kpm-to-thirdparty';

test.describe('protected but warned: Germany, where the BSI warns against Kaspersky and it still updates', () => {
  test.use({ cases: ['win-kes10-de-wsc', `${KES}/2-after-removal`], region: 'DE' });

  test('nothing has to change, the journey says why someone might move, and the move can still be made to Done', async ({
    verdictPage,
    journeyPage,
  }) => {
    test.slow();
    await verdictPage.openAndWaitForVerdict();
    await expect(journeyPage.optionalMove).toContainText('You do not have to move');
    await expect(journeyPage.optionalMove).toContainText('BSI');
    await expect(journeyPage.moveOrder).toBeVisible();
    await journeyShot(journeyPage.page, 'windows', 'warned-1-check');
    await journeyPage.page.getByRole('button', { name: 'Start the move anyway' }).click();
    await journeyPage.waitForStep('keep-data');
    await journeyPage.button('Continue').click();
    await journeyPage.choose('microsoft-defender');
    await journeyPage.waitForStep('remove');
    // Security Center alone shows this machine's Endpoint Security: no uninstaller is registered,
    // so the ways are shown; the person removed it and scans again (2-after-removal).
    await journeyPage.button('Scan again to see what is still installed').click();
    await journeyPage.waitForStep('verify');
    await expect(journeyPage.primaryAction).toHaveText(['Finish']);
    await journeyPage.primaryAction.click();
    await journeyPage.waitForStep('done');
  });
});

test.describe('the check before the first change blocks while the vendor site does not answer', () => {
  const offline: PreflightFacts = {
    ...STAND_IN_READINGS,
    network: ok({ url: 'https://www.microsoft.com/', reachable: false, detail: 'it could not be reached' }),
  };
  const batteryUnread: PreflightFacts = {
    ...STAND_IN_READINGS,
    battery: err('there was no answer within 8 seconds'),
  };
  test.use({
    cases: [`${KES}/1-before`, `${KES}/2-after-removal`],
    region: 'US',
    preflightReadings: [[offline, batteryUnread], { scope: 'test' }],
  });

  test('holds Remove with the fix, goes on once fixed, and a reading that fails only says so; then Done', async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    test.slow();
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startAndChoose('microsoft-defender');
    await journeyPage.waitForStep('remove');
    await expect(journeyPage.preflightCheck('network')).toHaveAttribute('data-status', 'blocks');
    await expect(journeyPage.preflightCheck('network')).toContainText(
      'Connect to the internet (Wi-Fi or cable), then check again.',
    );
    await expect(journeyPage.preflightBlocked).toContainText('The move waits until this is fixed');
    const remove = journeyPage
      .removal('kaspersky-endpoint-security-windows')
      .getByRole('button', { name: 'Remove…' });
    await expect(remove).toBeDisabled();
    expect(await journeyPage.accessibilityViolations('remove, pre-flight blocks')).toEqual([]);
    await journeyShot(journeyPage.page, 'windows', 'preflight-blocked');
    // Connected again: Check again. The battery could not be read this time: said, not blocking.
    await journeyPage.linkButton('Check again').click();
    await expect(journeyPage.preflightCheck('network')).toHaveAttribute('data-status', 'ok');
    await expect(journeyPage.preflightCheck('battery')).toHaveAttribute('data-status', 'unknown');
    await expect(journeyPage.preflightCheck('battery')).toContainText(
      'Could not check the battery because there was no answer within 8 seconds.',
    );
    await expect(journeyPage.preflightBlocked).toHaveCount(0);
    await expect(remove).toBeEnabled();
    await remove.click();
    await journeyPage.confirmButton.click();
    await journeyPage.waitForStep('verify');
    await journeyPage.primaryAction.click();
    await journeyPage.waitForStep('done');
    expect(harness.runnerCalls).toHaveLength(1);
  });
});

test.describe('a restart that did not happen: Handover reopened first', () => {
  test.use({
    cases: [
      `${KTS}/1-before`,
      `${KTS}/2-after-removal`,
      `${KTS}/2-after-removal`,
      `${KTS}/3-after-restart`,
      `${KTS}/4-after-signature-update`,
    ],
    region: 'US',
  });

  test('resumes at Restart, still asking for it, then carries on to Done after the real restart', async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    test.slow();
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startAndChoose('microsoft-defender');
    await journeyPage.waitForStep('remove');
    await journeyPage.button('Scan again to see what is still installed').click();
    await journeyPage.waitForStep('restart');
    await journeyPage.button('Open Handover after the restart…').click();
    await journeyPage.confirmButton.click();
    await expect(journeyPage.page.getByTestId('restart-now')).toBeVisible();

    // The person closed Handover and opened it again without restarting (2-after-removal again):
    // the journey resumes at Restart, which still says why it is needed.
    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await journeyPage.resumeButton.click();
    await journeyPage.waitForStep('restart');
    await expect(journeyPage.step).toContainText('Windows Update is waiting to finish');
    await expect(journeyPage.interim).toContainText('has not turned back on');

    // Now the real restart (3-after-restart): Install, Defender's update, Verify, Done.
    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await journeyPage.resumeButton.click();
    await journeyPage.waitForStep('install');
    await journeyPage.primaryAction.click();
    await journeyPage.confirmButton.click();
    await journeyPage.waitForStep('verify');
    await journeyPage.primaryAction.click();
    await journeyPage.waitForStep('done');
  });
});

test.describe('the new product is never seen: Install not verified', () => {
  test.use({ cases: [`${KPM}/1-before`, `${KPM}/2-after-removal`], region: 'US' });

  test('stays at Install saying so, and the way on is to choose again from the rail; then Done', async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    test.slow();
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startAndChoose('bitdefender');
    await journeyPage.waitForStep('remove');
    await journeyPage.button('Scan again to see what is still installed').click();
    // Kaspersky gone; Defender came back on in between (read from this scan).
    await journeyPage.waitForStep('install');
    await expect(journeyPage.interim).toContainText('turned itself back on and protects this computer');
    await journeyPage.linkButton('I have installed it, scan again').click();
    await journeyPage.waitForStep('install');
    const stuck = await harness.api().getJourney();
    expect(stuck.plan?.chosenState).toBe('not-found');
    await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'upcoming');
    // The way on: Choose is a link on the rail; the built-in protection is already on.
    await journeyPage.railLink('choose').click();
    await journeyPage.waitForStep('choose');
    await journeyPage.choose('microsoft-defender');
    await journeyPage.waitForStep('verify');
    await journeyPage.primaryAction.click();
    await journeyPage.waitForStep('done');
    await expect(journeyPage.step).toContainText('Microsoft Defender Antivirus now protects this computer.');
  });
});

test.describe('a scan that fails', () => {
  test.use({
    cases: ['win-kes10-de-wsc'],
    region: 'US',
    failScanWith: 'The scan stopped: Access is denied.',
  });

  test('keeps the help tools: Save diagnostics, Open diagnostics, the report, on the failed screen', async ({
    page,
    verdictPage,
  }) => {
    const help = new HelpDeskPage(page);
    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.scanError).toContainText('Access is denied');
    await expect(help.helpPanel).toBeVisible();
    await help.openHelpTools();
    await expect(help.saveDiagnosticsButton).toBeVisible();
    await expect(help.openDiagnosticsButton).toBeVisible();
    await expect(page.getByRole('button', { name: 'Scan again', exact: true })).toBeVisible();
    expect(await help.accessibilityViolations('scan failed')).toEqual([]);
    // No scan was ever read, so there is nothing of this computer to save: said plainly.
    await help.saveDiagnosticsButton.click();
    await expect(page.getByText('There is no scan yet')).toBeVisible();
  });
});
