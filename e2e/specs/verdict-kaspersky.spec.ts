/**
 * A real Windows machine with Kaspersky Endpoint Security 10 (fixtures/detection/win-kes10-de-wsc),
 * replayed on 2026-11-29: 791 days after Kaspersky's US updates stopped (2024-09-29).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '../fixtures';

const KASPERSKY = /Kaspersky Endpoint Security/;
const SCREENSHOT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'verdict-kaspersky-us.png');

test.describe('Kaspersky on Windows, region United States', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

  test('says plainly that the antivirus stopped receiving updates, and since when', async ({
    verdictPage,
    expectedResult,
  }) => {
    const { verdict } = expectedResult;
    expect(['unprotected', 'at-risk']).toContain(verdict.level);
    expect(verdict.deadline?.daysSince).toBe(791);

    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.verdictHeading).toHaveText(verdict.headline);
    await expect(verdictPage.verdictHeading).toContainText('791 days');
    await expect(verdictPage.level).toHaveText(verdict.level === 'unprotected' ? 'Not protected' : 'At risk');
    await expect(verdictPage.deadline).toContainText('29 September 2024');
    await expect(verdictPage.deadline).toContainText('791 days ago');
    await expect(verdictPage.region).toContainText('United States');
    await expect(verdictPage.region).toContainText(expectedResult.region.explanation);
  });

  test('marks the Kaspersky product as banned, with the ban and the product facts', async ({
    verdictPage,
    expectedResult,
  }) => {
    const detection = expectedResult.detections.find((d) => KASPERSKY.test(d.name));
    expect(detection?.ban).not.toBeNull();

    await verdictPage.openAndWaitForVerdict();
    const product = verdictPage.product(KASPERSKY);
    await expect(product).toBeVisible();
    await expect(verdictPage.productBannedTag(product)).toHaveText('Banned');
    await expect(verdictPage.productFact(product, 'Ban')).toContainText(detection?.ban?.summary ?? '');
    await expect(verdictPage.productFact(product, 'Real-time protection')).toHaveText(
      detection?.realtime === null ? 'Not known' : detection?.realtime ? 'On' : 'Off',
    );
    await expect(verdictPage.productFact(product, 'Protecting you now')).toHaveText(
      detection?.protecting === null ? 'Not known' : detection?.protecting ? 'Yes' : 'No',
    );
  });

  test('lists the reasons, the ones needing action first', async ({ verdictPage, expectedResult }) => {
    const reasons = expectedResult.verdict.reasons;
    expect(reasons.length).toBeGreaterThan(0);
    const ordered = [
      ...reasons.filter((r) => r.severity === 'action'),
      ...reasons.filter((r) => r.severity !== 'action'),
    ];

    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.reasons).toHaveCount(ordered.length);
    for (const [i, reason] of ordered.entries()) {
      await expect(verdictPage.reasons.nth(i)).toContainText(reason.text);
    }
  });

  test('shows where each product was found behind "Technical details"', async ({
    verdictPage,
    expectedResult,
  }) => {
    const detection = expectedResult.detections.find((d) => KASPERSKY.test(d.name));
    const first = detection?.evidence[0];
    expect(first).toBeDefined();

    await verdictPage.openAndWaitForVerdict();
    const product = verdictPage.product(KASPERSKY);
    await expect(verdictPage.productEvidence(product).first()).toBeHidden();
    await verdictPage.openProductDetails(product);
    await expect(verdictPage.productEvidence(product).first()).toContainText(first?.source ?? '');
  });

  test('screenshot of the verdict screen', async ({ page, verdictPage }) => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await verdictPage.openAndWaitForVerdict();
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});

test.describe('Kaspersky on Windows, the person changes the country', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'US' });

  test('choosing Germany applies its rules: no longer banned, so protected', async ({ verdictPage }) => {
    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.level).toContainText('Not protected');
    await verdictPage.chooseCountry('Germany');
    await expect(verdictPage.region).toContainText('Rules used: Germany, set by you.');
    await expect(verdictPage.level).toContainText('Protected');
    await expect(verdictPage.verdictHeading).toHaveText(
      'Kaspersky Endpoint Security for Windows is protecting this computer.',
    );
    await expect(verdictPage.productBannedTag(verdictPage.product(KASPERSKY))).toHaveCount(0);
  });
});

test.describe('Kaspersky on Windows, region Germany', () => {
  test.use({ cases: ['win-kes10-de-wsc'], now: '2026-11-29T12:00:00Z', region: 'DE' });

  test('is not banned, but shows the BSI warning', async ({ verdictPage, expectedResult }) => {
    const detection = expectedResult.detections.find((d) => KASPERSKY.test(d.name));
    expect(detection?.ban).toBeNull();
    expect(detection?.advisories.length).toBeGreaterThan(0);

    await verdictPage.openAndWaitForVerdict();
    await expect(verdictPage.verdictHeading).toHaveText(expectedResult.verdict.headline);
    await expect(verdictPage.region).toContainText('Germany');
    const product = verdictPage.product(KASPERSKY);
    await expect(verdictPage.productBannedTag(product)).toHaveCount(0);
    await expect(verdictPage.productFact(product, 'Ban')).toHaveText('Not banned in Germany');
    const advisories = verdictPage.productAdvisories(product);
    await expect(advisories).toHaveCount(detection?.advisories.length ?? 0);
    await expect(advisories.first()).toContainText(detection?.advisories[0]?.summary ?? '');
    await expect(advisories.first()).toContainText('BSI');
  });
});
