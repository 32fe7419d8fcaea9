/** Real cases from other machines, replayed through the real pipeline. */
import type { Detection, ScanResult } from '../../electron/api/contract';
import { expect, test } from '../fixtures';
import type { VerdictPage } from '../pages/verdict-page';

const LEVEL_WORDS = {
  protected: 'Protected',
  'at-risk': 'At risk',
  unprotected: 'Not protected',
  'cannot-tell': 'Cannot tell',
} as const;

/** Everything the handlers said is on screen: headline, level, one card per product with its facts. */
async function expectScreenShows(verdictPage: VerdictPage, result: ScanResult): Promise<void> {
  await expect(verdictPage.verdictHeading).toHaveText(result.verdict.headline);
  await expect(verdictPage.level).toHaveText(LEVEL_WORDS[result.verdict.level]);
  await expect(verdictPage.products).toHaveCount(result.detections.length);
  await expect(verdictPage.actions).toHaveText(result.verdict.actions.map((a) => a.text));
  for (const d of result.detections) {
    const card = verdictPage.product(d.name);
    await expect(card).toBeVisible();
    await expect(verdictPage.productFact(card, 'Version')).toHaveText(d.version ?? 'Not shown');
    // Real-time protection is an antivirus's: a VPN or password manager card does not show it.
    await expect(verdictPage.productFact(card, 'Real-time protection')).toHaveText(
      d.kind === 'antivirus' && d.status !== 'leftover' ? [onOff(d)] : [],
    );
  }
}

function onOff(d: Detection): string {
  if (d.realtime === null) return 'Not known';
  return d.realtime ? 'On' : 'Off';
}

test.describe('Windows 10 with Bitdefender (Defender stood down)', () => {
  test.use({ cases: ['win10-bitdefender-defender-off-thm'], region: 'US' });

  test('is protected, by Bitdefender; Defender stepped aside, as Windows designs it', async ({
    verdictPage,
    expectedResult,
  }) => {
    expect(expectedResult.verdict.level).toBe('protected');
    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    await expect(verdictPage.level).toHaveText('Protected');
    const bitdefender = verdictPage.product(/Bitdefender/);
    await expect(verdictPage.productFact(bitdefender, 'Protecting you now')).toHaveText('Yes');
    await expect(verdictPage.productFact(bitdefender, 'Ban')).toHaveText('Not banned in United States');
    // Security Center's up-to-date bit is the program's claim, not a date.
    await expect(verdictPage.productFact(bitdefender, 'Virus definitions')).toHaveText(
      'Date not shown; the program reports them up to date',
    );
    // Defender off beside a current antivirus is not a red "Not protecting", and nothing needs doing.
    const defender = verdictPage.product(/Microsoft Defender/);
    await expect(verdictPage.productTags(defender)).toHaveText(['Stepped aside']);
    await expect(verdictPage.actions).toHaveCount(0);
    await expect(verdictPage.reasons.filter({ hasText: 'Needs attention' })).toHaveCount(0);
  });
});

test.describe('Kaspersky Endpoint Security, the region unknown', () => {
  test.use({ cases: ['win-kes10-de-wsc'], region: undefined });

  test('never "protected": cannot tell, says what is known in the US, and asks for the country first', async ({
    verdictPage,
    expectedResult,
  }) => {
    expect(expectedResult.region.code).toBeNull();
    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    await expect(verdictPage.level).toHaveText('Cannot tell');
    await expect(verdictPage.verdictHeading).toHaveText(
      'Handover needs to know which country this computer is in: in the United States, Kaspersky Endpoint Security for Windows stopped receiving updates on 29 September 2024.',
    );
    await expect(verdictPage.actions.first()).toContainText('Choose the country this computer is in');
    const card = verdictPage.product(/Kaspersky/);
    await expect(verdictPage.productFact(card, 'Ban')).toHaveText(
      'Not known: it is banned in some countries, so choose the country this computer is in',
    );
    // No move is offered before the country is known; the check says what to do.
    await expect(verdictPage.nextStep).not.toContainText('move to a safe antivirus');
    await expect(verdictPage.nextStep).toContainText('Choose the country this computer is in');
  });
});

test.describe('Kaspersky Total Security and its VPN, eleven days before the US cutoff', () => {
  test.use({ cases: ['win-kts21.2-services-drivers'], region: 'US', now: '2024-09-17T12:00:00Z' });

  test('a countdown in the headline, never "cannot tell"; the VPN gets VPN advice and no antivirus fields', async ({
    verdictPage,
    expectedResult,
  }) => {
    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    await expect(verdictPage.level).toHaveText('At risk');
    await expect(verdictPage.verdictHeading).toContainText(
      'stops receiving updates in 11 days, on 29 September 2024',
    );
    const vpn = verdictPage.product('Kaspersky VPN Secure Connection');
    await expect(verdictPage.productFactLabels(vpn)).not.toContainText(['Real-time protection']);
    await expect(verdictPage.productFactLabels(vpn)).not.toContainText(['Virus definitions']);
    await expect(verdictPage.productTags(vpn)).toHaveText(['Banned']);
    await expect(verdictPage.actions.filter({ hasText: 'VPN' })).toHaveText([
      'Choose another VPN service before 29 September 2024 (in 11 days), then remove Kaspersky VPN Secure Connection.',
    ]);
    await expect(verdictPage.actions.filter({ hasText: 'Kaspersky VPN' })).not.toContainText(['antivirus']);
    // Not every list of antivirus products is in this capture, and nothing failed to read: the
    // screen says so, never "Everything we looked for could be read" beside that reason.
    await expect(verdictPage.checkedSummary).toHaveText(
      'Nothing we looked for failed to read, but not every place that lists antivirus products could be checked (see Why), so this answer may be incomplete.',
    );
  });
});

test.describe('Windows Server 2019 without Security Center', () => {
  test.use({ cases: ['winserver2019-invalid-namespace-powershell'], region: 'US' });

  test('cannot tell, and says what could not be read and why', async ({ verdictPage, expectedResult }) => {
    expect(expectedResult.verdict.level).toBe('cannot-tell');
    const unreadable = expectedResult.sources.filter((s) => s.status === 'unreadable');
    expect(unreadable.length).toBeGreaterThan(0);

    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    await expect(verdictPage.level).toHaveText('Cannot tell');
    await expect(verdictPage.unreadableItems).toHaveCount(unreadable.length);
    for (const source of unreadable) {
      const item = verdictPage.unreadableItems.filter({ hasText: source.label });
      await expect(item).toContainText(source.reason ?? '');
    }
    await expect(verdictPage.unreadableItems.filter({ hasText: /Security Center/i })).toHaveCount(1);
    await expect(verdictPage.scanAgainButton).toBeEnabled();
  });
});

test.describe('macOS with Kaspersky Internet Security', () => {
  test.use({ cases: ['macos-kis-bigsur-sysext-plist'], region: 'US' });

  test('finds the Kaspersky system extension and applies the US ban', async ({
    verdictPage,
    expectedResult,
  }) => {
    const kaspersky = expectedResult.detections.find((d) => /Kaspersky/.test(d.name));
    expect(kaspersky).toBeDefined();

    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    const card = verdictPage.product(kaspersky?.name ?? '');
    await expect(verdictPage.productBannedTag(card)).toHaveCount(kaspersky?.ban ? 1 : 0);
    await expect(verdictPage.deadline).toContainText('29 September 2024');
  });
});

test.describe('Linux with Kaspersky Endpoint Security 10 SP1 (file monitoring stopped)', () => {
  test.use({ cases: ['linux-kesl10sp1-file-monitoring-stopped'], region: 'US' });

  test('shows real-time protection off and the old database date', async ({
    verdictPage,
    expectedResult,
  }) => {
    const kesl = expectedResult.detections.find((d) => /Kaspersky/.test(d.name));
    expect(kesl?.realtime).toBe(false);
    expect(kesl?.signatures.ageDays).not.toBeNull();

    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    const card = verdictPage.product(kesl?.name ?? '');
    await expect(verdictPage.productFact(card, 'Real-time protection')).toHaveText('Off');
    await expect(verdictPage.productFact(card, 'Virus definitions')).toContainText('August 2018');
    await expect(verdictPage.productFact(card, 'Virus definitions')).toContainText(
      `${new Intl.NumberFormat('en').format(kesl?.signatures.ageDays ?? 0)} days old`,
    );
    await expect(verdictPage.productFact(card, 'Protecting you now')).toHaveText('No');
  });
});
