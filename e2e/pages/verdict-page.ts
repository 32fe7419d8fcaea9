/**
 * The first screen: scan progress, then the verdict. Actions and locators only; assertions
 * stay in the specs (Insomnia's page-object rule, models.md §7).
 */
import type { Locator, Page } from '@playwright/test';

export class VerdictPage {
  readonly main: Locator;
  /** The scan-progress heading, shown while a scan runs. */
  readonly progressHeading: Locator;
  /** The list of checks (one item per probe) while scanning. */
  readonly progressList: Locator;
  readonly progressItems: Locator;
  /** The verdict (or failed-scan) heading: the headline sentence. */
  readonly verdictHeading: Locator;
  readonly verdictSection: Locator;
  /** Icon + words for the level ("Not protected", "Protected", ...). */
  readonly level: Locator;
  readonly deadline: Locator;
  readonly region: Locator;
  readonly reasons: Locator;
  /** "What needs doing": the verdict's actions, in order. */
  readonly actions: Locator;
  /** What "What we checked" says when nothing failed to read. */
  readonly checkedSummary: Locator;
  /** The next-step panel under the verdict (the migration offer, or "Check"). */
  readonly nextStep: Locator;
  readonly productsList: Locator;
  readonly products: Locator;
  readonly unreadableItems: Locator;
  readonly allChecksSummary: Locator;
  readonly scanError: Locator;
  readonly scanAgainButton: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.progressHeading = page.getByRole('heading', { level: 1, name: 'Checking your computer…' });
    this.progressList = page.getByRole('list', { name: 'What is being checked' });
    this.progressItems = this.progressList.getByRole('listitem');
    this.verdictHeading = page.locator('#verdict-heading');
    this.verdictSection = page.getByRole('region').filter({ has: this.verdictHeading });
    this.level = page.locator('.verdict__level');
    this.deadline = page.locator('.deadline');
    this.region = page.locator('.region');
    this.reasons = page.getByRole('list', { name: 'Why' }).getByRole('listitem');
    this.actions = page.getByRole('list', { name: 'What needs doing' }).getByRole('listitem');
    this.checkedSummary = page.getByRole('region', { name: 'What we checked' }).locator('p').first();
    this.nextStep = page.getByTestId('next-step');
    this.productsList = page.getByRole('list', { name: 'Security programs found' });
    this.products = page.getByRole('article');
    this.unreadableItems = page.getByRole('list', { name: 'Could not be read' }).getByRole('listitem');
    this.allChecksSummary = page.locator('details.sources > summary');
    this.scanError = page.getByTestId('scan-error');
    this.scanAgainButton = page.getByRole('button', { name: 'Scan again' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** Opens the screen and waits until a verdict or a failure is shown. */
  async openAndWaitForVerdict(): Promise<void> {
    await this.open();
    await this.waitForVerdict();
  }

  async waitForVerdict(): Promise<void> {
    await this.verdictHeading.waitFor({ state: 'visible' });
  }

  async scanAgain(): Promise<void> {
    await this.scanAgainButton.click();
  }

  /** One product card, by its name as shown. */
  product(name: string | RegExp): Locator {
    return this.page.getByRole('article', { name });
  }

  /** The value shown next to a label in a product card ("Real-time protection" → "On"). */
  productFact(product: Locator, label: string): Locator {
    return product
      .locator('.facts > div')
      .filter({ has: this.page.locator('dt').getByText(label, { exact: true }) })
      .locator('dd');
  }

  productBannedTag(product: Locator): Locator {
    return product.locator('.tag--banned');
  }

  /** The state tags beside a product's name: "Protecting", "Not protecting", "Stepped aside". */
  productTags(product: Locator): Locator {
    return product.locator('.product__header .tag');
  }

  /** The labels of a product card's facts, in order. */
  productFactLabels(product: Locator): Locator {
    return product.locator('.facts > div > dt');
  }

  productAdvisories(product: Locator): Locator {
    return product.getByRole('region', { name: 'Official warnings' }).getByRole('listitem');
  }

  productDetailsSummary(product: Locator): Locator {
    return product.locator('details.evidence > summary');
  }

  productEvidence(product: Locator): Locator {
    return product.locator('details.evidence li');
  }

  progressItem(label: string | RegExp): Locator {
    return this.progressItems.filter({ hasText: label });
  }

  async openProductDetails(product: Locator): Promise<void> {
    await this.productDetailsSummary(product).click();
  }

  /** Opens "Change country", picks one by its shown name, and applies it (which scans again). */
  async chooseCountry(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Change country' }).click();
    await this.page.getByLabel('Country whose rules apply').selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Use it and scan again' }).click();
  }

  async pressTab(): Promise<void> {
    await this.page.keyboard.press('Tab');
  }
}
