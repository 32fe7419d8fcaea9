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
  for (const d of result.detections) {
    const card = verdictPage.product(d.name);
    await expect(card).toBeVisible();
    await expect(verdictPage.productFact(card, 'Version')).toHaveText(d.version ?? 'Not shown');
    await expect(verdictPage.productFact(card, 'Real-time protection')).toHaveText(onOff(d));
  }
}

function onOff(d: Detection): string {
  if (d.realtime === null) return 'Not known';
  return d.realtime ? 'On' : 'Off';
}

test.describe('Windows 10 with Bitdefender (Defender stood down)', () => {
  test.use({ cases: ['win10-bitdefender-defender-off-thm'], region: 'US' });

  test('is protected, by Bitdefender', async ({ verdictPage, expectedResult }) => {
    expect(expectedResult.verdict.level).toBe('protected');
    await verdictPage.openAndWaitForVerdict();
    await expectScreenShows(verdictPage, expectedResult);
    await expect(verdictPage.level).toHaveText('Protected');
    const bitdefender = verdictPage.product(/Bitdefender/);
    await expect(verdictPage.productFact(bitdefender, 'Protecting you now')).toHaveText('Yes');
    await expect(verdictPage.productFact(bitdefender, 'Ban')).toHaveText('Not banned in United States');
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
