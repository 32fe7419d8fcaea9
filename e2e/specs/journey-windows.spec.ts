/**
 * The guided migration on Windows, on the scenarios of fixtures/journeys (one capture per scan:
 * before removal, after removal, after the restart, after the signature update). The real handler
 * table, the real progress store in this test's data folder, the real actions on a recording
 * runner: nothing runs. The first test writes docs/screenshots/journey/windows with UPDATE_DOCS=1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, HANDOVER_EXE, journeyStages, test } from '../fixtures';
import { expectVerifyPassed } from '../journey-expectations';
import { journeyShot } from '../journey-shots';
import type { JourneyPage } from '../pages/journey-page';

const STEP_TITLES = ['Check', 'Keep your data', 'Choose', 'Remove', 'Restart', 'Install', 'Verify', 'Done'];

const shot = (journeyPage: JourneyPage, name: string) => journeyShot(journeyPage.page, 'windows', name);

async function railStates(journeyPage: JourneyPage): Promise<Record<string, string | null>> {
  const items = await journeyPage.railSteps.all();
  const states: Record<string, string | null> = {};
  for (const item of items) {
    states[(await item.getAttribute('data-step')) as string] = await item.getAttribute('data-state');
  }
  return states;
}

test.describe('Windows, Kaspersky Total Security → Microsoft Defender', () => {
  test.use({ cases: journeyStages('windows-kts-to-defender'), region: 'US' });

  test('walks every step to Done, asking before each action, across a restart', async ({
    verdictPage,
    journeyPage,
    handlers,
    harness,
  }) => {
    // Every step, a restart and screenshots: longer than one screen's budget.
    test.slow();
    // 1 Check: the verdict, the deadline, one primary action.
    await verdictPage.openAndWaitForVerdict();
    const before = await handlers.getJourney();
    const check = before.plan?.steps.find((s) => s.id === 'check');
    expect(before.plan?.needed).toBe(true);
    await expect(journeyPage.checkDeadline).toHaveText(check?.why ?? '');
    await expect(journeyPage.checkDeadline).toContainText('29 September 2024');
    await expect(journeyPage.checkDeadline).toContainText('791 days ago');
    await expect(journeyPage.resumeButton).toHaveCount(0);
    // One count everywhere: the Check card gives the rail's length, the time and the order's why.
    const total = before.plan?.minutes.total ?? 0;
    await expect(journeyPage.moveLength).toContainText(
      `${before.plan?.steps.length} steps, about ${total < 60 ? `${total} min` : `${Math.floor(total / 60)} h`}`,
    );
    await expect(journeyPage.moveLength).toContainText(
      'Check, Keep your data, Choose, Remove, Restart (only if Windows asks for one after the removal), Install, Verify, Done',
    );
    await expect(journeyPage.moveOrder).toContainText(
      'Windows runs one real-time antivirus at a time, so the old one is removed first.',
    );
    await expect(journeyPage.moveOrder).toContainText('Microsoft Defender Antivirus turns itself back on');
    await shot(journeyPage, '1-check');
    await journeyPage.startButton.click();

    // 2 Keep your data: the rail shows all eight steps, in order, with the current one marked.
    await journeyPage.waitForStep('keep-data');
    await expect(journeyPage.railSteps).toHaveCount(8);
    for (const [i, title] of STEP_TITLES.entries()) {
      await expect(journeyPage.railSteps.nth(i)).toContainText(title);
    }
    await expect(journeyPage.currentRailStep).toHaveAttribute('data-step', 'keep-data');
    await expect(journeyPage.railStep('check')).toContainText('Done');
    await expect(journeyPage.stepHeading).toHaveText('Step 2 of 8: Keep your data');
    await expect(journeyPage.stepHeading).toBeFocused();
    const started = await handlers.getJourney();
    const keep = started.plan?.steps.find((s) => s.id === 'keep-data');
    await expect(journeyPage.step).toContainText(keep?.what ?? '');
    await expect(journeyPage.stepMinutes).toHaveText(`About ${keep?.minutes} minutes (Handover's estimate)`);
    // Each step's time on the rail; Restart is not "Skipped" before it is reached: it may come.
    await expect(journeyPage.railStep('keep-data')).toContainText(`${keep?.minutes} min`);
    expect(started.plan?.steps.find((x) => x.id === 'restart')).toMatchObject({
      state: 'upcoming',
      onlyIf: 'only if Windows asks for one after the removal',
    });
    await expect(journeyPage.railStep('restart')).toContainText(
      'Maybe: only if Windows asks for one after the removal',
    );
    await expect(journeyPage.railStep('restart')).not.toContainText('Skipped');
    // Done steps are links back; Back goes to the step before.
    await expect(journeyPage.railLink('check')).toBeVisible();
    await expect(journeyPage.backButton).toHaveText('Back to Check');
    const items = started.plan?.keepData ?? [];
    expect(items.map((i) => i.id)).toEqual(['vpn-subscription', 'quarantine', 'stop-auto-renewal']);
    for (const item of items) {
      await expect(journeyPage.keepItem(item.id)).toContainText(item.how);
      await expect(journeyPage.keepItem(item.id)).toContainText(item.lostIfSkipped);
      await journeyPage.keepCheckbox(item.id).check();
      await expect(journeyPage.keepCheckbox(item.id)).toBeChecked();
    }
    await shot(journeyPage, '2-keep-data');
    await journeyPage.button('Continue').click();

    // 3 Choose: the core's ranking, the best fit first and preselected with the two facts that
    // made it the best fit, a few others open, the rest folded; cost, tests, vendor and notes.
    await journeyPage.waitForStep('choose');
    const { choices } = await handlers.getJourney();
    const ranked = [choices?.best, ...(choices?.others ?? []), ...(choices?.folded ?? [])].filter(
      (c) => c !== null && c !== undefined,
    );
    await expect(journeyPage.alternatives()).toHaveCount(ranked.length);
    const shownOrder = await journeyPage
      .alternatives()
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-alternative')));
    expect(shownOrder).toEqual(ranked.map((c) => c.alternative.id));
    expect(shownOrder[0]).toBe('microsoft-defender');
    const best = journeyPage.alternative('microsoft-defender');
    await expect(best.getByRole('radio')).toBeChecked();
    await expect(best).toContainText('Best fit');
    await expect(best.getByRole('list', { name: 'Why this one' }).getByRole('listitem')).toHaveText([
      'Already on this computer: part of Windows',
      'No extra cost',
    ]);
    for (const choice of ranked) {
      const card = journeyPage.alternative(choice.alternative.id);
      await expect(card).toContainText(choice.alternative.cost.note);
      await expect(card).toContainText(choice.alternative.vendor.name);
      for (const { test: t } of choice.testsShown) {
        await expect(card).toContainText(t.lab);
        await expect(card).toContainText(t.result);
      }
      for (const { note } of choice.notesShown) await expect(card).toContainText(note.text);
    }
    // No <a> to follow: every page opens through the main process, and every alternative shown
    // open has one.
    await expect(journeyPage.step.getByRole('link')).toHaveCount(0);
    for (const choice of [choices?.best, ...(choices?.others ?? [])]) {
      const name = choice?.alternative.name ?? '';
      await expect(
        journeyPage.step.getByRole('button', { name: `Open the official page of ${name} in your browser` }),
      ).toBeVisible();
    }
    await shot(journeyPage, '3-choose');
    await journeyPage.choose('microsoft-defender');

    // 4 Remove: no uninstaller is registered for Total Security 21: Handover says what to do
    // instead and runs nothing.
    await journeyPage.waitForStep('remove');
    const removals = (await handlers.getJourney()).plan?.removals ?? [];
    expect(removals.map((r) => r.name)).toEqual([
      'Kaspersky Total Security',
      'Kaspersky VPN Secure Connection',
    ]);
    const kts = removals[0];
    // The first change: the check before it, every line a sentence (the harness' stand-in
    // readings: a desktop on mains, 50 GB free, the site answering).
    await expect(journeyPage.preflightCheck('battery')).toHaveAttribute('data-status', 'ok');
    await expect(journeyPage.preflightCheck('system')).toBeVisible();
    await expect(journeyPage.preflightBlocked).toHaveCount(0);
    // No registered uninstaller: no dead end. No Remove… button (it would lead nowhere); the ways
    // the person can take, the first one open, each with its steps and sources.
    const ktsCard = journeyPage.removal(kts?.detectionId ?? '');
    await expect(ktsCard.getByRole('button', { name: 'Remove…' })).toHaveCount(0);
    await expect(ktsCard.locator('[data-way]')).toHaveCount(kts?.ways.length ?? 0);
    await expect(ktsCard.locator('[data-way="settings-apps"]')).toHaveAttribute('open', '');
    await ktsCard.locator('[data-way="kavremover"] summary').click();
    for (const line of kts?.ways.find((w) => w.id === 'kavremover')?.steps ?? [])
      await expect(ktsCard.locator('[data-way="kavremover"]')).toContainText(line);
    await expect(ktsCard.locator('[data-way="kavremover"]')).toContainText(
      'https://support.kaspersky.com/common/uninstall/1464',
    );
    await expect(journeyPage.primaryAction).toHaveText(['Scan again to see what is still installed']);
    await shot(journeyPage, '4-remove');
    expect(harness.runnerCalls).toEqual([]);
    // The person uninstalled both through Settings › Apps, then scans again (2-after-removal).
    await journeyPage.button('Scan again to see what is still installed').click();

    // 5 Restart: Windows waits for a restart; Handover asks before registering itself. What
    // protects the computer in between is read from the scan: Defender has not come back yet.
    await journeyPage.waitForStep('restart');
    await expect(journeyPage.railStep('remove')).toHaveAttribute('data-state', 'done');
    await expect(journeyPage.interim).toContainText('Microsoft Defender Antivirus has not turned back on');
    const reasons = (await handlers.getJourney()).plan?.restartReasons ?? [];
    expect(reasons).toHaveLength(1);
    for (const reason of reasons) await expect(journeyPage.step).toContainText(reason);
    await journeyPage.button('Open Handover after the restart…').click();
    const command = `C:\\Windows\\System32\\reg.exe add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce /v Handover /t REG_SZ /d "${HANDOVER_EXE}" --resume /f`;
    await expect(journeyPage.dialog).toBeVisible();
    await expect(journeyPage.dialogCommand).toHaveText(command);
    await expect(journeyPage.cancelButton).toBeFocused();
    await shot(journeyPage, '5-restart-confirm');
    expect(harness.runnerCalls).toEqual([]);
    await journeyPage.confirmButton.click();
    await expect(journeyPage.outcome).toContainText('Handover will open once after the restart');
    await expect(journeyPage.outcome).toHaveCount(1);
    await expect(journeyPage.page.getByTestId('restart-now')).toContainText('Now restart your computer');
    // The click returns before the main side runs the command: wait for it to be recorded.
    await expect
      .poll(() => harness.runnerCalls.map((c) => [c.file, ...c.args]))
      .toEqual([
        [
          'C:\\Windows\\System32\\reg.exe',
          'add',
          'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
          '/v',
          'Handover',
          '/t',
          'REG_SZ',
          '/d',
          `"${HANDOVER_EXE}" --resume`,
          '/f',
        ],
      ]);
    await shot(journeyPage, '5-restart');

    // The restart: the app opens again on the same data folder and scans (3-after-restart).
    await harness.restartApp();
    await verdictPage.waitForVerdict();
    await expect(journeyPage.resumeButton).toBeVisible();
    await expect(journeyPage.startOverButton).toBeVisible();
    await journeyPage.resumeButton.click();

    // 6 Install: Defender came back on with the restart, but the newest signatures it has are 4
    // days old, older than Verify accepts: Install stays current, and its primary action is the
    // update.
    await journeyPage.waitForStep('install');
    await expect(journeyPage.stepHeading).toHaveText('Step 6 of 8: Install');
    await expect(journeyPage.currentRailStep).toHaveAttribute('data-step', 'install');
    await expect(journeyPage.railStep('restart')).toHaveAttribute('data-state', 'done');
    await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'upcoming');
    const stale = await harness.api().getJourney();
    expect(stale.plan?.chosenState).toBe('signatures-stale');
    expect(stale.plan?.steps.find((s) => s.id === 'install')?.primaryAction).toBe(
      'Update its signatures now',
    );
    await expect(journeyPage.stepWhat).toHaveText(
      "Update Microsoft Defender Antivirus's virus signatures: the newest it has are 4 days old.",
    );
    await expect(journeyPage.primaryAction).toHaveText(['Update its signatures now…']);
    await expect(journeyPage.linkButton('Scan again')).toBeVisible();
    expect(stale.progress?.protectedAgainAt).toBeUndefined();
    expect(await journeyPage.accessibilityViolations('install, signatures stale')).toEqual([]);
    await shot(journeyPage, '6-install');

    // The update: Defender's own tool, shown before it runs; Cancel is where focus starts.
    await journeyPage.primaryAction.click();
    await expect(journeyPage.dialog).toBeVisible();
    await expect(journeyPage.dialog.getByRole('heading')).toHaveText('Update Microsoft Defender now');
    await expect(journeyPage.dialog).toContainText('Handover will run exactly this, and nothing else:');
    await expect(journeyPage.dialogCommand).toHaveText(
      'C:\\Program Files\\Windows Defender\\MpCmdRun.exe -SignatureUpdate',
    );
    await expect(journeyPage.dialogNotes).toHaveText([
      "Defender's own update tool downloads its latest signatures from Microsoft.",
    ]);
    await expect(journeyPage.cancelButton).toBeFocused();
    expect(await journeyPage.accessibilityViolations('install dialog')).toEqual([]);
    await shot(journeyPage, '6-install-confirm');
    // Only the restart registration so far.
    expect(harness.runnerCalls).toHaveLength(1);
    await journeyPage.confirmButton.click();
    // The click returns before the main side runs the command: wait for it to be recorded.
    await expect
      .poll(() => harness.runnerCalls.map((c) => [c.file, ...c.args]).slice(1))
      .toEqual([['C:\\Program Files\\Windows Defender\\MpCmdRun.exe', '-SignatureUpdate']]);

    // 7 Verify: Handover scans again by itself (4-after-signature-update). Every check passes;
    // Verify shows them, and the person finishes. The update's outcome belonged to Install.
    await journeyPage.waitForStep('verify');
    await expect(journeyPage.outcome).toHaveCount(0);
    await expect(journeyPage.stepHeading).toHaveText('Step 7 of 8: Verify');
    await expect(journeyPage.railStep('done')).toHaveAttribute('data-state', 'upcoming');
    const verify = await expectVerifyPassed(journeyPage, harness.api());
    await expect(journeyPage.check('signatures-fresh')).toHaveText(
      'OK: Microsoft Defender Antivirus: virus signatures are current (no older than 3 days).',
    );
    // Protected again from the first scan that passes Verify, before Finish.
    expect(verify.progress?.protectedAgainAt).toBe('2026-11-29T12:00:00.000Z');
    expect(await journeyPage.accessibilityViolations('verify, all OK')).toEqual([]);
    await shot(journeyPage, '7-verify');
    await journeyPage.primaryAction.click();

    // 8 Done: Done lists the checks.
    await journeyPage.waitForStep('done');
    const done = await harness.api().getJourney();
    // The rail shows the plan's state of every step; Install and Verify read done.
    expect(await railStates(journeyPage)).toEqual(
      Object.fromEntries((done.plan?.steps ?? []).map((st) => [st.id, st.state])),
    );
    expect(done.plan?.steps.filter((st) => st.state === 'current').map((st) => st.id)).toEqual(['done']);
    await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
    await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'done');
    await expect(journeyPage.page.getByTestId('unprotected-for')).toHaveText('791 days');
    await expect(journeyPage.page.getByTestId('protected-again')).toHaveText(
      '29 November 2026 at 12:00 (today)',
    );
    expect(done.progress?.protectedAgainAt).toBe('2026-11-29T12:00:00.000Z');
    await expect(journeyPage.step).toContainText('Microsoft Defender Antivirus now protects this computer.');
    for (const c of done.plan?.checks ?? []) {
      expect(c.ok, c.text).toBe(true);
      await expect(journeyPage.step).toContainText(c.text);
    }
    expect(await journeyPage.accessibilityViolations('done')).toEqual([]);
    await shot(journeyPage, '8-done');
    // The restart registration and the signature update ran (on the recording runner), nothing else.
    expect(harness.runnerCalls.map((c) => c.file)).toEqual([
      'C:\\Windows\\System32\\reg.exe',
      'C:\\Program Files\\Windows Defender\\MpCmdRun.exe',
    ]);
    const log = await readFile(join(harness.dataDir, 'actions.jsonl'), 'utf8');
    expect(log).toContain('"action":"signature-update"');
  });
});

/**
 * "Back to <step>" on Verify. No scenario of fixtures/journeys shows a failing Verify any more (a
 * built-in choice stays at Install until its signatures are fresh), so this spec composes one
 * from two journeys' stages: the managed Endpoint Security machine before (windows-kes-managed),
 * then Defender on with signatures 4 days old (windows-kts-to-defender/3-after-restart), then
 * with fresh ones (its 4-after-signature-update). The choice is Microsoft Defender for Business,
 * which is not built in: Install is done once Defender is on, so Verify is reached and says the
 * signatures are missing.
 */
test.describe('Windows, Endpoint Security managed → Defender for Business, signatures 4 days old', () => {
  test.use({
    cases: [
      'journeys/windows-kes-managed/1-before',
      'journeys/windows-kts-to-defender/3-after-restart',
      'journeys/windows-kts-to-defender/4-after-signature-update',
    ],
    region: 'US',
  });

  test("Verify's Back to Install shows Install until the next scan; then Verify passes and Finish ends it", async ({
    verdictPage,
    journeyPage,
    harness,
  }) => {
    test.slow();
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startAndChoose('microsoft-defender-for-business');
    await journeyPage.waitForStep('remove');
    await journeyPage
      .removal('kaspersky-endpoint-security-windows')
      .getByRole('button', { name: 'Remove…' })
      .click();
    await journeyPage.confirmButton.click();
    await expect
      .poll(() => harness.runnerCalls.map((c) => [c.file, ...c.args]))
      .toEqual([['C:\\Windows\\System32\\msiexec.exe', '/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}']]);

    // Handover scans again by itself: both Kaspersky products gone, Defender on, its signatures
    // 4 days old. Verify says what is missing and which step fixes it.
    await journeyPage.waitForStep('verify');
    await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
    const failing = await harness.api().getJourney();
    expect(failing.plan?.checks.map((c) => [c.id, c.ok, c.fixStep])).toEqual([
      ['no-banned-product', true, null],
      ['realtime-on', true, null],
      ['signatures-fresh', false, 'install'],
    ]);
    for (const c of failing.plan?.checks ?? []) {
      await expect(journeyPage.check(c.id)).toHaveText(
        `${c.ok ? 'OK: ' : 'Missing: '}${c.text}${c.ok ? '' : ' Back to Install'}`,
      );
    }
    await expect(journeyPage.primaryAction).toHaveText(['Scan again']);
    expect(failing.progress?.protectedAgainAt).toBeUndefined();
    expect(await journeyPage.accessibilityViolations('verify, missing')).toEqual([]);

    // Back to Install: Install is on screen, current, and Verify upcoming again.
    await journeyPage.check('signatures-fresh').getByRole('button', { name: 'Back to Install' }).click();
    await expect(journeyPage.stepHeading).toHaveText('Step 6 of 8: Install');
    await expect(journeyPage.currentRailStep).toHaveAttribute('data-step', 'install');
    await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'upcoming');
    // Installed and on, only behind: Install says so, and offers Defender's own update.
    await expect(journeyPage.stepWhat).toHaveText(
      "Update Microsoft Defender for Business's virus signatures: the newest it has are 4 days old.",
    );
    await expect(journeyPage.primaryAction).toHaveText(['Update its signatures now…']);
    // Reading the journey again (as any re-render or poll does) keeps it there.
    expect((await harness.api().getJourney()).plan?.current).toBe('install');
    expect(await journeyPage.accessibilityViolations('install, revisited')).toEqual([]);

    // The next scan (fresh signatures) shows where the machine stands: Verify, every check OK.
    await journeyPage.linkButton('Scan again').click();
    await journeyPage.waitForStep('verify');
    for (const id of ['no-banned-product', 'realtime-on', 'signatures-fresh']) {
      await expect(journeyPage.check(id)).toContainText('OK: ');
    }
    await expect(journeyPage.primaryAction).toHaveText(['Finish']);
    // Scan again on a passing Verify keeps it on screen until the person finishes.
    await journeyPage.linkButton('Scan again').click();
    await journeyPage.waitForStep('verify');
    await expect(journeyPage.primaryAction).toHaveText(['Finish']);
    expect((await harness.api().getJourney()).progress?.protectedAgainAt).toBe('2026-11-29T12:00:00.000Z');
    await journeyPage.primaryAction.click();
    await journeyPage.waitForStep('done');
    await expect(journeyPage.railStep('verify')).toHaveAttribute('data-state', 'done');
    await expect(journeyPage.step).toContainText(
      'Removed Kaspersky Endpoint Security for Windows with its own uninstaller.',
    );
    expect(harness.runnerCalls).toHaveLength(1);
  });
});

test.describe('Windows, Endpoint Security managed and password-protected', () => {
  test.use({ cases: journeyStages('windows-kes-managed'), region: 'US' });

  test('runs the registered uninstaller only after Confirm, exactly as shown', async ({
    verdictPage,
    journeyPage,
    handlers,
    harness,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await journeyPage.startButton.click();
    await journeyPage.waitForStep('keep-data');
    await journeyPage.button('Continue').click();
    await journeyPage.waitForStep('choose');
    await journeyPage.choose('microsoft-defender');
    await journeyPage.waitForStep('remove');

    const kes = journeyPage.removal('kaspersky-endpoint-security-windows');
    const plan = (await handlers.getJourney()).plan;
    for (const note of plan?.removals.find((r) => r.detectionId === 'kaspersky-endpoint-security-windows')
      ?.notes ?? []) {
      await expect(kes).toContainText(note);
    }

    // Cancel runs nothing.
    await kes.getByRole('button', { name: 'Remove…' }).click();
    await expect(journeyPage.dialog).toBeVisible();
    await journeyPage.cancelButton.click();
    await expect(journeyPage.dialog).toBeHidden();
    expect(harness.runnerCalls).toEqual([]);

    await kes.getByRole('button', { name: 'Remove…' }).click();
    await expect(journeyPage.dialogCommand).toHaveText(
      'C:\\Windows\\System32\\msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A}',
    );
    await expect(journeyPage.dialogNotes).toHaveCount(3);
    await expect(journeyPage.dialogNotes.nth(1)).toContainText('protected by a password');
    await shot(journeyPage, '4-remove-confirm');
    expect(harness.runnerCalls).toEqual([]);

    await journeyPage.confirmButton.click();
    // The click returns before the main side runs the command: wait for it to be recorded.
    await expect
      .poll(() => harness.runnerCalls.map((c) => [c.file, ...c.args]))
      .toEqual([['C:\\Windows\\System32\\msiexec.exe', '/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}']]);
    // Handover scans again (2-after-removal): Defender is on, so Install is done and Verify shows
    // every check passing; Finish ends the journey. The removal's outcome stayed with Remove.
    await journeyPage.waitForStep('verify');
    await expect(journeyPage.outcome).toHaveCount(0);
    await expect(journeyPage.railStep('restart')).toHaveAttribute('data-state', 'skipped');
    await expect(journeyPage.railStep('install')).toHaveAttribute('data-state', 'done');
    for (const id of ['no-banned-product', 'realtime-on', 'signatures-fresh']) {
      await expect(journeyPage.check(id)).toContainText('OK: ');
    }
    await expect(journeyPage.primaryAction).toHaveText(['Finish']);
    await journeyPage.primaryAction.click();
    await journeyPage.waitForStep('done');
    await expect(journeyPage.step).toContainText(
      'Removed Kaspersky Endpoint Security for Windows with its own uninstaller.',
    );
    const log = await readFile(join(harness.dataDir, 'actions.jsonl'), 'utf8');
    expect(log).toContain('msiexec.exe');
  });

  test.describe('when the uninstall fails (exit 1603), is tried again and works', () => {
    // The machine does not change on the failed run (1-before again), then is clean (2-after-removal).
    test.use({
      cases: [
        'journeys/windows-kes-managed/1-before',
        'journeys/windows-kes-managed/1-before',
        'journeys/windows-kes-managed/2-after-removal',
      ],
      // An array value is given as [value, options]: Playwright reads a bare [a, {}] as a tuple.
      runnerAnswers: [[{ exitCode: 1603 }, {}], { scope: 'test' }],
    });

    test('says it did not work on Remove, and the error box does not follow to Verify after the later success; Done', async ({
      verdictPage,
      journeyPage,
      harness,
    }) => {
      await verdictPage.openAndWaitForVerdict();
      await journeyPage.startAndChoose('microsoft-defender');
      await journeyPage.waitForStep('remove');
      const kes = journeyPage.removal('kaspersky-endpoint-security-windows');
      await kes.getByRole('button', { name: 'Remove…' }).click();
      await journeyPage.confirmButton.click();
      // The failed attempt, on the step it was made on.
      await expect(journeyPage.outcome).toContainText('That did not work:');
      await expect(journeyPage.outcome).toContainText('1603');
      await journeyPage.waitForStep('remove');
      await shot(journeyPage, '4-remove-failed');
      // A new attempt starts clean: the preview clears the old box, and this one works.
      await kes.getByRole('button', { name: 'Remove…' }).click();
      await expect(journeyPage.outcome).toHaveCount(0);
      await journeyPage.confirmButton.click();
      await journeyPage.waitForStep('verify');
      await expect(journeyPage.outcome).toHaveCount(0);
      await expect(journeyPage.page.getByText('1603')).toHaveCount(0);
      await expect(journeyPage.primaryAction).toHaveText(['Finish']);
      await journeyPage.primaryAction.click();
      await journeyPage.waitForStep('done');
      expect(harness.runnerCalls).toHaveLength(2);
    });
  });
});
