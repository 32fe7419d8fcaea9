/**
 * macOS, Kaspersky's system extension → macOS's built-in protection (fixtures/journeys/
 * macos-kaspersky), in macOS's order (core/plan/move-order.ts): XProtect is part of macOS, so it
 * is in place before anything is removed; Handover explains the vendor's uninstaller app and runs
 * nothing; after the removal Verify reads that nothing banned is left, and says plainly that
 * XProtect's state is Apple's word, not a reading (macOS shows it to no app), and the journey
 * reaches Done. axe runs on every step reached; with UPDATE_DOCS=1 it writes
 * docs/screenshots/journey/macos.
 */
import { expect, journeyStages, test } from '../fixtures';
import { journeyShot } from '../journey-shots';
import type { JourneyPage } from '../pages/journey-page';

test.use({ cases: journeyStages('macos-kaspersky'), region: 'US' });

const shot = (journeyPage: JourneyPage, name: string) => journeyShot(journeyPage.page, 'macos', name);

test("keeps XProtect in place, explains the vendor's uninstaller, runs nothing, and reaches Done", async ({
  verdictPage,
  journeyPage,
  handlers,
  harness,
}) => {
  // Seven steps with an axe run on each: longer than one screen's budget.
  test.slow();

  // 1 Check: Kaspersky's Mac product, past the US cutoff.
  await verdictPage.openAndWaitForVerdict();
  const before = await handlers.getJourney();
  expect(before.plan?.needed).toBe(true);
  await expect(journeyPage.checkDeadline).toHaveText(
    before.plan?.steps.find((s) => s.id === 'check')?.why ?? '',
  );
  await expect(journeyPage.checkDeadline).toContainText('29 September 2024');
  await expect(journeyPage.moveOrder).toContainText(
    "macOS's own protection runs next to any other antivirus",
  );
  expect(await journeyPage.accessibilityViolations('check')).toEqual([]);
  await shot(journeyPage, '1-check');
  await journeyPage.startButton.click();

  // 2 Keep your data: quarantine and auto-renewal, each with what is lost if skipped.
  await journeyPage.waitForStep('keep-data');
  await expect(journeyPage.railSteps).toHaveCount(7);
  const keepData = (await handlers.getJourney()).plan?.keepData ?? [];
  expect(keepData.map((i) => i.id)).toEqual(['quarantine', 'stop-auto-renewal']);
  for (const item of keepData) {
    await expect(journeyPage.keepItem(item.id)).toContainText(item.how);
    await expect(journeyPage.keepItem(item.id)).toContainText(item.lostIfSkipped);
    await journeyPage.keepCheckbox(item.id).check();
  }
  expect(await journeyPage.accessibilityViolations('keep-data')).toEqual([]);
  await shot(journeyPage, '2-keep-data');
  await journeyPage.button('Continue').click();

  // 3 Choose: only what runs on a Mac, the built-in protection first, tagged from the catalog.
  await journeyPage.waitForStep('choose');
  const alternatives = (await handlers.getJourney()).alternatives;
  const shownOrder = await journeyPage
    .alternatives()
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-alternative')));
  expect(shownOrder).toEqual(alternatives.map((a) => a.alternative.id));
  expect(shownOrder[0]).toBe('macos-xprotect');
  for (const choice of alternatives) expect(choice.alternative.platforms).toContain('macos');
  const xprotect = journeyPage.alternative('macos-xprotect');
  await expect(xprotect.locator('[data-tag]')).toHaveText(['Built in']);
  await xprotect.locator('summary').click();
  for (const note of alternatives[0]?.notes ?? []) await expect(xprotect).toContainText(note.text);
  await xprotect.getByRole('radio').check();
  expect(await journeyPage.accessibilityViolations('choose')).toEqual([]);
  await shot(journeyPage, '3-choose');
  await journeyPage.choose('macos-xprotect');

  // 4 Install is done at once: XProtect is part of macOS. 5 Remove is the first change: the
  // check before it, then the vendor's uninstaller app, explained; Handover runs nothing on a Mac.
  await journeyPage.waitForStep('remove');
  await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
  await expect(journeyPage.stepHeading).toHaveText('Step 5 of 7: Remove');
  await expect(journeyPage.preflightCheck('network')).toContainText('Nothing needs downloading');
  const removals = (await handlers.getJourney()).plan?.removals ?? [];
  expect(removals.map((r) => r.detectionId)).toEqual(['kaspersky-mac-security']);
  const removal = journeyPage.removal('kaspersky-mac-security');
  await expect(removal.getByRole('button', { name: 'Remove…' })).toHaveCount(0);
  const way = removal.locator('[data-way="vendor-uninstaller-app"]');
  await expect(way).toHaveAttribute('open', '');
  for (const line of removals[0]?.ways[0]?.steps ?? []) await expect(way).toContainText(line);
  expect(await journeyPage.accessibilityViolations('remove')).toEqual([]);
  await shot(journeyPage, '5-remove');
  // The person ran Kaspersky's uninstaller, then scans again (2-after-removal).
  await journeyPage.button('Scan again to see what is still installed').click();

  // 6 Verify: nothing banned is left (read); XProtect on and current is Apple's word, said so.
  await journeyPage.waitForStep('verify');
  const verify = await harness.api().getJourney();
  expect(verify.plan?.checks.map((c) => [c.id, c.ok, c.basis])).toEqual([
    ['no-banned-product', true, 'scan'],
    ['realtime-on', true, 'vendor'],
    ['signatures-fresh', true, 'vendor'],
  ]);
  await expect(journeyPage.check('no-banned-product')).toHaveText('OK: No banned product is installed.');
  await expect(journeyPage.check('realtime-on')).toContainText("Not read, the vendor's word:");
  await expect(journeyPage.check('realtime-on')).toContainText('Handover could not read it on this scan');
  await expect(journeyPage.primaryAction).toHaveText(['Finish']);
  expect(await journeyPage.accessibilityViolations('verify')).toEqual([]);
  await shot(journeyPage, '6-verify');
  await journeyPage.primaryAction.click();

  // 7 Done.
  await journeyPage.waitForStep('done');
  await expect(journeyPage.step).toContainText(
    'macOS built-in protection (XProtect) now protects this computer.',
  );
  expect(await journeyPage.accessibilityViolations('done')).toEqual([]);
  await shot(journeyPage, '7-done');
  expect(harness.runnerCalls).toEqual([]);
  expect(harness.openedUrls).toEqual([]);
});
