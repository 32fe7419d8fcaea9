/**
 * macOS, Kaspersky's system extension → macOS's built-in protection (fixtures/journeys/
 * macos-kaspersky). Handover explains the vendor's uninstaller app and runs nothing; after the
 * removal the journey stops at Install: XProtect is not a product the scan can see, so "on and
 * current" cannot be confirmed (the scenario's README says why). axe runs on every step reached.
 */
import { expect, journeyStages, test } from '../fixtures';

test.use({ cases: journeyStages('macos-kaspersky'), region: 'US' });

test("explains the vendor's uninstaller, runs nothing, and stops at Install", async ({
  verdictPage,
  journeyPage,
  handlers,
  harness,
}) => {
  // Five steps with an axe run on each: longer than one screen's budget.
  test.slow();

  // 1 Check: Kaspersky's Mac product, past the US cutoff.
  await verdictPage.openAndWaitForVerdict();
  const before = await handlers.getJourney();
  expect(before.plan?.needed).toBe(true);
  await expect(journeyPage.checkDeadline).toHaveText(
    before.plan?.steps.find((s) => s.id === 'check')?.why ?? '',
  );
  await expect(journeyPage.checkDeadline).toContainText('29 September 2024');
  expect(await journeyPage.accessibilityViolations('check')).toEqual([]);
  await journeyPage.startButton.click();

  // 2 Keep your data: quarantine and auto-renewal, each with what is lost if skipped.
  await journeyPage.waitForStep('keep-data');
  const keepData = (await handlers.getJourney()).plan?.keepData ?? [];
  expect(keepData.map((i) => i.id)).toEqual(['quarantine', 'stop-auto-renewal']);
  for (const item of keepData) {
    await expect(journeyPage.keepItem(item.id)).toContainText(item.how);
    await expect(journeyPage.keepItem(item.id)).toContainText(item.lostIfSkipped);
    await journeyPage.keepCheckbox(item.id).check();
  }
  expect(await journeyPage.accessibilityViolations('keep-data')).toEqual([]);
  await journeyPage.button('Continue').click();

  // 3 Choose: only what runs on a Mac, the built-in protection first.
  await journeyPage.waitForStep('choose');
  const alternatives = (await handlers.getJourney()).alternatives;
  const shownOrder = await journeyPage
    .alternatives()
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-alternative')));
  expect(shownOrder).toEqual(alternatives.map((a) => a.alternative.id));
  expect(shownOrder[0]).toBe('macos-xprotect');
  for (const choice of alternatives) expect(choice.alternative.platforms).toContain('macos');
  const xprotect = journeyPage.alternative('macos-xprotect');
  await xprotect.locator('summary').click();
  for (const note of alternatives[0]?.notes ?? []) await expect(xprotect).toContainText(note.text);
  await xprotect.getByRole('radio').check();
  expect(await journeyPage.accessibilityViolations('choose')).toEqual([]);
  await journeyPage.choose('macos-xprotect');

  // 4 Remove: the vendor's uninstaller app, explained; Handover runs nothing on a Mac.
  await journeyPage.waitForStep('remove');
  const removals = (await handlers.getJourney()).plan?.removals ?? [];
  expect(removals.map((r) => r.detectionId)).toEqual(['kaspersky-mac-security']);
  const removal = journeyPage.removal('kaspersky-mac-security');
  await expect(
    removal.getByRole('list', { name: `How to remove ${removals[0]?.name}` }).getByRole('listitem'),
  ).toHaveText([
    "The vendor's uninstaller app (for Kaspersky: “Uninstall Kaspersky”); macOS asks for your password.",
  ]);
  await removal.getByRole('button', { name: 'Remove…' }).click();
  await expect(journeyPage.cannotRun('kaspersky-mac-security')).toHaveText(
    `On a Mac, remove ${removals[0]?.name} with the vendor's uninstaller app (for Kaspersky: "Uninstall Kaspersky" or "Kaspersky Anti-Virus Uninstaller"); macOS asks for your password.`,
  );
  await expect(journeyPage.dialog).toBeHidden();
  expect(await journeyPage.accessibilityViolations('remove')).toEqual([]);
  // The person ran Kaspersky's uninstaller, then scans again (2-after-removal).
  await journeyPage.button('Scan again to see what is still installed').click();

  // 6 Install: Remove is done and Restart does not apply on a Mac. The built-in choice is to be
  // checked; there is nothing of Defender's to update here.
  await journeyPage.waitForStep('install');
  const install = await harness.api().getJourney();
  await expect(journeyPage.railStep('remove')).toHaveAttribute('data-state', 'done');
  await expect(journeyPage.railStep('restart')).toContainText('Skipped: not needed on this system');
  const step = install.plan?.steps.find((s) => s.id === 'install');
  await expect(journeyPage.step).toContainText(step?.what ?? '');
  await expect(journeyPage.button('Check it is on')).toBeVisible();
  await expect(journeyPage.button('Update its signatures now…')).toHaveCount(0);
  expect(await journeyPage.accessibilityViolations('install')).toEqual([]);

  // Where it stops: nothing the scan reads shows XProtect on and current (the last stage repeats
  // on every later scan), so Verify is not reached and would say what is missing.
  expect(install.plan?.current).toBe('install');
  expect(install.plan?.checks.map((c) => [c.id, c.ok])).toEqual([
    ['no-banned-product', true],
    ['realtime-on', false],
    ['signatures-fresh', false],
  ]);
  await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'upcoming');
  await expect(journeyPage.railStep('done')).toHaveAttribute('data-state', 'upcoming');
  expect(harness.runnerCalls).toEqual([]);
  expect(harness.openedUrls).toEqual([]);
});
