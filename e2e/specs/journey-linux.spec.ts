/**
 * Linux, Kaspersky Endpoint Security for Linux → ClamAV (fixtures/journeys/linux-kesl): the
 * package manager's removal is shown and runs only once confirmed, through pkexec (on the
 * recording runner); Install waits until ClamAV has signatures and on-access scanning
 * (4-after-signatures, composed in the probes' formats); then Verify passes, and Finish ends it.
 * axe runs on every step reached.
 */
import { expect, journeyStages, test } from '../fixtures';
import { expectVerifyPassed } from '../journey-expectations';

test.use({
  cases: journeyStages('linux-kesl'),
  region: 'US',
  // A desktop with polkit and apt-get, whatever the machine running the tests has.
  linuxExecutables: ['/usr/bin/pkexec', '/usr/bin/apt-get'],
});

test('removes KESL with pkexec apt-get once confirmed, waits at Install for signatures, then Done', async ({
  verdictPage,
  journeyPage,
  handlers,
  harness,
}) => {
  // Every step, four scans and an axe run on each: longer than one screen's budget.
  test.slow();

  // 1 Check.
  await verdictPage.openAndWaitForVerdict();
  const before = await handlers.getJourney();
  expect(before.plan?.needed).toBe(true);
  await expect(journeyPage.checkDeadline).toHaveText(
    before.plan?.steps.find((s) => s.id === 'check')?.why ?? '',
  );
  expect(await journeyPage.accessibilityViolations('check')).toEqual([]);
  await journeyPage.startButton.click();

  // 2 Keep your data: the quarantine.
  await journeyPage.waitForStep('keep-data');
  expect((await handlers.getJourney()).plan?.keepData.map((i) => i.id)).toEqual(['quarantine']);
  await journeyPage.keepCheckbox('quarantine').check();
  expect(await journeyPage.accessibilityViolations('keep-data')).toEqual([]);
  await journeyPage.button('Continue').click();

  // 3 Choose: Linux choices only, ClamAV among them.
  await journeyPage.waitForStep('choose');
  const alternatives = (await handlers.getJourney()).alternatives;
  expect(alternatives.map((a) => a.alternative.id)).toContain('clamav');
  for (const choice of alternatives) expect(choice.alternative.platforms).toContain('linux');
  await expect(journeyPage.alternatives()).toHaveCount(alternatives.length);
  await journeyPage.alternative('clamav').getByRole('radio').check();
  expect(await journeyPage.accessibilityViolations('choose')).toEqual([]);
  await journeyPage.choose('clamav');

  // 4 Remove: the package manager's command, shown before anything runs; Cancel runs nothing.
  await journeyPage.waitForStep('remove');
  const kesl = journeyPage.removal('kaspersky-endpoint-security-linux');
  await kesl.getByRole('button', { name: 'Remove…' }).click();
  await expect(journeyPage.dialog).toBeVisible();
  await expect(journeyPage.dialog).toContainText('Handover will run exactly this, and nothing else:');
  await expect(journeyPage.dialogCommand).toHaveText('/usr/bin/pkexec /usr/bin/apt-get remove -y kesl');
  await expect(journeyPage.dialogNotes).toHaveText(['In a terminal the same is: sudo apt-get remove kesl']);
  await expect(journeyPage.cancelButton).toBeFocused();
  expect(await journeyPage.accessibilityViolations('remove dialog')).toEqual([]);
  await journeyPage.cancelButton.click();
  await expect(journeyPage.dialog).toBeHidden();
  expect(harness.runnerCalls).toEqual([]);

  await kesl.getByRole('button', { name: 'Remove…' }).click();
  await journeyPage.confirmButton.click();
  // The click returns before the main side runs the command: wait for it to be recorded.
  await expect
    .poll(() => harness.runnerCalls.map((c) => [c.file, ...c.args]))
    .toEqual([['/usr/bin/pkexec', '/usr/bin/apt-get', 'remove', '-y', 'kesl']]);

  // Handover scans again by itself (2-after-removal: only kesl's configuration files are left).
  // 6 Install: Restart does not apply; ClamAV is to be checked.
  await journeyPage.waitForStep('install');
  await expect(journeyPage.railStep('remove')).toHaveAttribute('data-state', 'done');
  await expect(journeyPage.railStep('restart')).toContainText('Skipped: not needed on this system');
  const install = (await harness.api().getJourney()).plan?.steps.find((s) => s.id === 'install');
  await expect(journeyPage.step).toContainText(install?.what ?? '');
  expect(await journeyPage.accessibilityViolations('install')).toEqual([]);

  // The person installed the packages and checks (3-after-install). The full scan result shows
  // ClamAV installed; whether it protects is not known: the stage holds the package list only,
  // no signature database and no process list.
  await journeyPage.button('Check it is on').click();
  await journeyPage.page.getByRole('button', { name: 'See the full scan result' }).click();
  const clamav = verdictPage.product('ClamAV');
  await expect(clamav).toBeVisible();
  await expect(verdictPage.productFact(clamav, 'Protecting you now')).toHaveText('Not known');
  await journeyPage.resumeButton.click();
  // Install stays current, and Verify, not reached, would say what is missing.
  await journeyPage.waitForStep('install');
  const waiting = await harness.api().getJourney();
  expect(waiting.plan?.current).toBe('install');
  expect(waiting.plan?.checks.filter((c) => !c.ok).map((c) => [c.id, c.fixStep])).toEqual([
    ['realtime-on', 'install'],
    ['signatures-fresh', 'install'],
  ]);
  await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'upcoming');

  // freshclam fetched the databases and on-access scanning runs (4-after-signatures).
  await journeyPage.button('Check it is on').click();

  // 7 Verify: Install and every check pass on what the probes read; Verify shows them, and the
  // person finishes.
  const verify = await expectVerifyPassed(journeyPage, harness.api());
  expect(verify.progress?.protectedAgainAt).toBe('2026-11-29T12:00:00.000Z');
  expect(await journeyPage.accessibilityViolations('verify')).toEqual([]);
  await journeyPage.primaryAction.click();

  // 8 Done.
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
  expect(harness.runnerCalls).toHaveLength(1);
});
