/**
 * What the help desk uses: the technician view switch and what it adds (evidence, reasoning,
 * timings, what to say), the "Get help" section (support code, reports, summary, diagnostics)
 * and the banner of a diagnostics file being viewed. Actions and locators only; assertions stay
 * in the specs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

export class HelpDeskPage {
  readonly technicianSwitch: Locator;

  /** "Get help": the support code line and the tools for the person helping. */
  readonly helpPanel: Locator;
  readonly supportCodeLine: Locator;
  readonly supportCode: Locator;
  /** The home user's folded "For the person helping you" (absent in the technician view). */
  readonly helpMoreSummary: Locator;
  /** The live region with the outcome of the last save, copy or open. */
  readonly outcome: Locator;
  readonly summaryText: Locator;
  readonly openError: Locator;
  readonly copySummaryButton: Locator;
  readonly hidePersonalDetails: Locator;
  readonly saveDiagnosticsButton: Locator;
  readonly openDiagnosticsButton: Locator;

  readonly decodeInput: Locator;
  readonly decodeButton: Locator;
  readonly decoded: Locator;
  readonly decodeError: Locator;

  /** The technician view's additions. */
  readonly scanSources: Locator;
  readonly scanTimings: Locator;
  readonly stepNotes: Locator;

  readonly viewingBanner: Locator;
  readonly closeViewingButton: Locator;
  readonly theirJourney: Locator;

  constructor(readonly page: Page) {
    this.technicianSwitch = page.getByRole('switch', { name: 'Technician view' });

    this.helpPanel = page.getByTestId('help-panel');
    this.supportCodeLine = page.getByTestId('support-code-line');
    this.supportCode = page.getByTestId('support-code');
    this.helpMoreSummary = this.helpPanel.locator('details.help__more > summary');
    this.outcome = page.getByTestId('help-outcome');
    this.summaryText = page.getByTestId('summary-text');
    this.openError = page.getByTestId('open-error');
    this.copySummaryButton = this.helpPanel.getByRole('button', { name: 'Copy summary' });
    this.hidePersonalDetails = this.helpPanel.getByRole('checkbox', { name: 'Hide personal details' });
    this.saveDiagnosticsButton = this.helpPanel.getByRole('button', { name: 'Save diagnostics…' });
    this.openDiagnosticsButton = this.helpPanel.getByRole('button', { name: 'Open diagnostics…' });

    this.decodeInput = page.getByRole('textbox', { name: 'Support code' });
    this.decodeButton = page.getByRole('button', { name: 'Decode', exact: true });
    this.decoded = page.getByTestId('decoded');
    this.decodeError = page.getByTestId('decode-error');

    this.scanSources = page.getByTestId('scan-sources');
    this.scanTimings = page.getByTestId('scan-timings');
    this.stepNotes = page.getByTestId('step-notes');

    this.viewingBanner = page.getByTestId('viewing-banner');
    this.closeViewingButton = page.getByRole('button', { name: 'Close and return to this computer' });
    this.theirJourney = page.getByTestId('their-journey');
  }

  async turnTechnicianView(on: boolean): Promise<void> {
    const checked = (await this.technicianSwitch.getAttribute('aria-checked')) === 'true';
    if (checked !== on) await this.technicianSwitch.click();
  }

  /** Opens the home user's folded help tools (already open in the technician view). */
  async openHelpTools(): Promise<void> {
    if ((await this.helpMoreSummary.count()) > 0) {
      const open = await this.helpPanel.locator('details.help__more').getAttribute('open');
      if (open === null) await this.helpMoreSummary.click();
    }
  }

  saveReportButton(format: 'PDF' | 'web page (HTML)' | 'data (JSON)'): Locator {
    return this.helpPanel.getByRole('button', { name: `Save as ${format}` });
  }

  async decode(code: string): Promise<void> {
    await this.decodeInput.fill(code);
    await this.decodeButton.click();
  }

  /** One decoded line's value, by its label. */
  decodedValue(label: string): Locator {
    return this.decoded
      .locator('dl > div')
      .filter({ has: this.page.locator('dt').getByText(label, { exact: true }) })
      .locator('dd');
  }

  /** The technician view's evidence and reasoning inside one product card. */
  detectionEvidence(product: Locator): Locator {
    return product.getByTestId('detection-evidence');
  }

  /** One judged fact of a product in the technician view ("Ban in force" → "Yes: …"). */
  detectionFact(product: Locator, label: string): Locator {
    return this.detectionEvidence(product)
      .locator('.tech__facts > div')
      .filter({ has: this.page.locator('dt').getByText(label, { exact: true }) })
      .locator('dd');
  }

  /** The records behind a product, one per item (source label, record, decoded values). */
  evidenceItems(product: Locator): Locator {
    return this.detectionEvidence(product).locator('.tech__evidence > li');
  }

  /** The record behind a product read from one source ("windows.wsc.antivirus"). */
  evidenceItem(product: Locator, sourceId: string): Locator {
    return this.detectionEvidence(product).locator(`.tech__evidence > li[data-source="${sourceId}"]`);
  }

  /** A decoded value of one record ("productState" → "0x041000"). */
  decodedEvidence(item: Locator, key: string): Locator {
    return item
      .locator('.evidence__decoded > div')
      .filter({ has: this.page.locator('dt').getByText(key, { exact: true }) })
      .locator('dd');
  }

  /** A source in the technician view's list of everything read, by its id. */
  source(id: string): Locator {
    return this.scanSources.locator(`[data-source="${id}"]`);
  }

  /** A reason's technician line (its code and subjects), by its code. */
  reasonCode(code: string): Locator {
    return this.page.locator(`.reason[data-code="${code}"] .tech__reason`);
  }

  stepNotesList(which: 'Say' | 'They should see', stepTitle: string): Locator {
    return this.stepNotes.getByRole('list', { name: `${which}, at ${stepTitle}` }).getByRole('listitem');
  }

  /** axe's findings on the page as it is now, one line each: "where: rule: help (nodes)". */
  async accessibilityViolations(where: string): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.length})`);
  }

  /** Whether the page scrolls sideways (it must not, down to 320 CSS px). */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
  }
}
