/**
 * Windows with UltraAV present (fixtures/journeys/windows-ultraav): UltraAV found but not chosen.
 * Handover says what UltraAV is, offers its own uninstaller (Settings › Apps: no UninstallString
 * is known for it) and runs nothing; once it is gone, Defender is on, Verify passes and Finish ends the journey.
 * axe runs on every step reached.
 */
import { expect, journeyStages, test } from '../fixtures';
import { expectVerifyPassed } from '../journey-expectations';

test.use({ cases: journeyStages('windows-ultraav'), region: 'US' });

test('explains what UltraAV is, offers its own uninstaller, runs nothing, then Done on Defender', async ({
  verdictPage,
  journeyPage,
  handlers,
  harness,
}) => {
  // Six steps with an axe run on each: longer than one screen's budget.
  test.slow();

  // 1 Check: UltraAV is not banned, but nothing protects this computer (Defender stood down).
  await verdictPage.openAndWaitForVerdict();
  const before = await handlers.getJourney();
  expect(before.plan?.needed).toBe(true);
  const check = before.plan?.steps.find((s) => s.id === 'check');
  await expect(journeyPage.checkDeadline).toHaveText(check?.why ?? '');
  expect(await journeyPage.accessibilityViolations('check')).toEqual([]);
  await journeyPage.startButton.click();

  // 2 Keep your data: UltraAV's own subscription, with what is lost if it is skipped.
  await journeyPage.waitForStep('keep-data');
  const keepData = (await handlers.getJourney()).plan?.keepData ?? [];
  expect(keepData.map((i) => i.id)).toEqual(['ultraav-subscription']);
  const subscription = journeyPage.keepItem('ultraav-subscription');
  await expect(subscription).toContainText(keepData[0]?.how ?? '');
  await expect(subscription).toContainText(keepData[0]?.lostIfSkipped ?? '');
  await expect(subscription).toContainText('September 2024');
  await journeyPage.keepCheckbox('ultraav-subscription').check();
  expect(await journeyPage.accessibilityViolations('keep-data')).toEqual([]);
  await journeyPage.button('Continue').click();

  // 3 Choose: UltraAV is among the choices, with the catalog's notes on who makes it and how it
  // arrived; the person chooses Defender instead.
  await journeyPage.waitForStep('choose');
  const ultraav = (await handlers.getJourney()).alternatives.find((a) => a.alternative.id === 'ultraav');
  expect(ultraav?.notes.map((n) => n.text).join(' ')).toContain('Pango Group');
  const card = await journeyPage.reveal('ultraav');
  await card.locator('summary').click();
  for (const note of ultraav?.notes ?? []) await expect(card).toContainText(note.text);
  await journeyPage.alternative('microsoft-defender').getByRole('radio').check();
  expect(await journeyPage.accessibilityViolations('choose')).toEqual([]);
  await journeyPage.choose('microsoft-defender');

  // 4 Remove: UltraAV, not chosen, is to be removed: what it is, and its own uninstaller.
  await journeyPage.waitForStep('remove');
  const removals = (await handlers.getJourney()).plan?.removals ?? [];
  expect(removals.map((r) => r.detectionId)).toEqual(['ultraav']);
  const removal = journeyPage.removal('ultraav');
  for (const note of removals[0]?.notes ?? []) await expect(removal).toContainText(note);
  await expect(removal).toContainText('UltraAV is a product of Pango Group');
  // No registered uninstaller: no Remove… button; its own uninstaller through Settings › Apps,
  // step by step. Not a Kaspersky product: kavremover is not offered.
  await expect(removal.getByRole('button', { name: 'Remove…' })).toHaveCount(0);
  await expect(removal.locator('[data-way]')).toHaveCount(1);
  const way = removal.locator('[data-way="settings-apps"]');
  await expect(way).toHaveAttribute('open', '');
  await expect(way).toContainText('Find UltraAV, choose Uninstall, and follow its own uninstaller.');
  await expect(removal).not.toContainText('kavremover');
  await expect(journeyPage.dialog).toBeHidden();
  expect(harness.runnerCalls).toEqual([]);
  expect(await journeyPage.accessibilityViolations('remove')).toEqual([]);
  // The person uninstalled it in Settings › Apps, then scans again (2-after-removal).
  await journeyPage.button('Scan again to see what is still installed').click();

  // 7 Verify: UltraAV gone, Defender on, so Install is done; every check passes, and the person
  // finishes.
  await expectVerifyPassed(journeyPage, harness.api());
  expect(await journeyPage.accessibilityViolations('verify')).toEqual([]);
  await journeyPage.primaryAction.click();

  // 8 Done: nothing waited for a restart.
  await journeyPage.waitForStep('done');
  const done = await harness.api().getJourney();
  expect(done.plan?.steps.find((s) => s.id === 'restart')?.state).toBe('skipped');
  await expect(journeyPage.railStep('restart')).toContainText(
    'Skipped: Windows is not waiting for a restart',
  );
  await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
  await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'done');
  for (const c of done.plan?.checks ?? []) {
    expect(c.ok, c.text).toBe(true);
    await expect(journeyPage.step).toContainText(c.text);
  }
  await expect(journeyPage.step).toContainText('Microsoft Defender Antivirus now protects this computer.');
  expect(await journeyPage.accessibilityViolations('done')).toEqual([]);
  expect(harness.runnerCalls).toEqual([]);
});
