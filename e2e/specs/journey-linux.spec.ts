/**
 * Linux, Kaspersky Endpoint Security for Linux → ClamAV (fixtures/journeys/linux-kesl), in Linux's
 * order (core/plan/move-order.ts): ClamAV is installed and verified first, next to KESL; then the
 * package manager's removal of KESL is shown and runs only once confirmed, through pkexec (on the
 * recording runner); then Verify passes, and Finish ends it. No Restart step on Linux. axe runs on
 * every step reached; with UPDATE_DOCS=1 it writes docs/screenshots/journey/linux.
 */
import { expect, journeyStages, test } from '../fixtures';
import { expectVerifyPassed } from '../journey-expectations';
import { journeyShot } from '../journey-shots';
import type { JourneyPage } from '../pages/journey-page';

test.use({
  cases: journeyStages('linux-kesl'),
  region: 'US',
  // A desktop with polkit and apt-get, whatever the machine running the tests has.
  linuxExecutables: ['/usr/bin/pkexec', '/usr/bin/apt-get'],
});

const shot = (journeyPage: JourneyPage, name: string) => journeyShot(journeyPage.page, 'linux', name);

test('installs and verifies ClamAV first, then removes KESL with pkexec apt-get once confirmed, then Done', async ({
  verdictPage,
  journeyPage,
  handlers,
  harness,
}) => {
  // Every step, four scans and an axe run on each: longer than one screen's budget.
  test.slow();

  // 1 Check: the verdict advises the same order as the rail.
  await verdictPage.openAndWaitForVerdict();
  const before = await handlers.getJourney();
  expect(before.plan?.needed).toBe(true);
  await expect(journeyPage.checkDeadline).toHaveText(
    before.plan?.steps.find((s) => s.id === 'check')?.why ?? '',
  );
  await expect(journeyPage.moveLength).toContainText(
    `7 steps, about ${before.plan?.minutes.total} min in all: Check, Keep your data, Choose, Install, Remove, Verify, Done.`,
  );
  await expect(journeyPage.moveOrder).toContainText('the new one is installed and checked first');
  await expect(journeyPage.page.getByText('install the new one, then remove the old one')).toBeVisible();
  expect(await journeyPage.accessibilityViolations('check')).toEqual([]);
  await shot(journeyPage, '1-check');
  await journeyPage.startButton.click();

  // 2 Keep your data: the quarantine. Seven steps on the rail, no Restart.
  await journeyPage.waitForStep('keep-data');
  await expect(journeyPage.railSteps).toHaveCount(7);
  await expect(journeyPage.railStep('restart')).toHaveCount(0);
  await expect(journeyPage.stepHeading).toHaveText('Step 2 of 7: Keep your data');
  expect((await handlers.getJourney()).plan?.keepData.map((i) => i.id)).toEqual(['quarantine']);
  await journeyPage.keepCheckbox('quarantine').check();
  expect(await journeyPage.accessibilityViolations('keep-data')).toEqual([]);
  await shot(journeyPage, '2-keep-data');
  await journeyPage.button('Continue').click();

  // 3 Choose: Linux choices only, ClamAV among them, tagged by what the catalog says of it: from
  // the system's packages, not "Built in".
  await journeyPage.waitForStep('choose');
  const alternatives = (await handlers.getJourney()).alternatives;
  expect(alternatives.map((a) => a.alternative.id)).toContain('clamav');
  for (const choice of alternatives) expect(choice.alternative.platforms).toContain('linux');
  await expect(journeyPage.alternatives()).toHaveCount(alternatives.length);
  const clamavCard = journeyPage.alternative('clamav');
  await expect(clamavCard.locator('[data-tag]')).toHaveText(["From your system's packages"]);
  await expect(journeyPage.step.getByText('Built in', { exact: true })).toHaveCount(0);
  await clamavCard.getByRole('radio').check();
  expect(await journeyPage.accessibilityViolations('choose')).toEqual([]);
  await shot(journeyPage, '3-choose');
  await journeyPage.choose('clamav');

  // 4 Install, the first change: the check before it, then the packages to install.
  await journeyPage.waitForStep('install');
  await expect(journeyPage.stepHeading).toHaveText('Step 4 of 7: Install');
  await expect(journeyPage.preflightCheck('network')).toHaveAttribute('data-status', 'ok');
  await expect(journeyPage.preflightCheck('restart')).toHaveAttribute('data-status', 'ok');
  await expect(journeyPage.step).toContainText('sudo apt-get install clamav clamav-freshclam clamav-daemon');
  await expect(journeyPage.railStep('remove')).toHaveAttribute('data-state', 'upcoming');
  expect(await journeyPage.accessibilityViolations('install')).toEqual([]);
  await shot(journeyPage, '4-install');

  // The person installed the packages and scans (2-after-install): ClamAV has no signatures and
  // no on-access scanner yet. Install stays current; KESL is not touched.
  await journeyPage.button('I have installed it, scan again').click();
  await journeyPage.waitForStep('install');
  const waiting = await harness.api().getJourney();
  expect(waiting.plan?.current).toBe('install');
  expect(waiting.plan?.chosenState).not.toBe('protecting');
  await expect(journeyPage.railStep('remove')).toHaveAttribute('data-state', 'upcoming');

  // freshclam fetched the databases and on-access scanning runs (3-after-signatures): ClamAV
  // protects next to KESL, so Install is done and Remove is next.
  await journeyPage.button('I have installed it, scan again').click();

  // 5 Remove: the package manager's command, shown before anything runs; Cancel runs nothing.
  await journeyPage.waitForStep('remove');
  await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
  await expect(journeyPage.step).toContainText(
    'ClamAV is in place and checked, so the old product can go now',
  );
  const kesl = journeyPage.removal('kaspersky-endpoint-security-linux');
  await kesl.getByRole('button', { name: 'Remove…' }).click();
  await expect(journeyPage.dialog).toBeVisible();
  await expect(journeyPage.dialog).toContainText('Handover will run exactly this, and nothing else:');
  await expect(journeyPage.dialogCommand).toHaveText('/usr/bin/pkexec /usr/bin/apt-get remove -y kesl');
  await expect(journeyPage.dialogNotes).toHaveText(['In a terminal the same is: sudo apt-get remove kesl']);
  await expect(journeyPage.cancelButton).toBeFocused();
  expect(await journeyPage.accessibilityViolations('remove dialog')).toEqual([]);
  await shot(journeyPage, '5-remove-confirm');
  await journeyPage.cancelButton.click();
  await expect(journeyPage.dialog).toBeHidden();
  expect(harness.runnerCalls).toEqual([]);
  await shot(journeyPage, '5-remove');

  await kesl.getByRole('button', { name: 'Remove…' }).click();
  await journeyPage.confirmButton.click();
  // The click returns before the main side runs the command: wait for it to be recorded.
  await expect
    .poll(() => harness.runnerCalls.map((c) => [c.file, ...c.args]))
    .toEqual([['/usr/bin/pkexec', '/usr/bin/apt-get', 'remove', '-y', 'kesl']]);

  // 6 Verify: Handover scans again by itself (4-after-removal): every check passes on what the
  // probes read, and the person finishes.
  const verify = await expectVerifyPassed(journeyPage, harness.api());
  expect(verify.progress?.protectedAgainAt).toBe('2026-11-29T12:00:00.000Z');
  expect(await journeyPage.accessibilityViolations('verify')).toEqual([]);
  await shot(journeyPage, '6-verify');
  await journeyPage.primaryAction.click();

  // 7 Done.
  await journeyPage.waitForStep('done');
  const done = await harness.api().getJourney();
  await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
  await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'done');
  for (const c of done.plan?.checks ?? []) {
    expect(c.ok, c.text).toBe(true);
    await expect(journeyPage.step).toContainText(c.text);
  }
  await expect(journeyPage.step).toContainText('ClamAV: real-time protection is on.');
  await expect(journeyPage.step).toContainText('Removed Kaspersky Endpoint Security');
  expect(await journeyPage.accessibilityViolations('done')).toEqual([]);
  await shot(journeyPage, '7-done');
  expect(harness.runnerCalls).toHaveLength(1);
});
