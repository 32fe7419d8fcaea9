/**
 * The guided migration: the Check step under the verdict, the progress rail, the current step's
 * panel and the confirmation dialog. Actions, locators and axe's findings; assertions stay in the
 * specs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

export class JourneyPage {
  /** The Check step's panel under the verdict (Start, or Resume / Start over). */
  readonly nextStep: Locator;
  readonly checkDeadline: Locator;
  readonly startButton: Locator;
  readonly resumeButton: Locator;
  readonly startOverButton: Locator;

  /** The progress rail: an ordered list of the eight steps. */
  readonly rail: Locator;
  readonly railSteps: Locator;
  readonly currentRailStep: Locator;

  /** The current step's panel and its heading ("Step 2 of 8: Keep your data"). */
  readonly step: Locator;
  readonly stepHeading: Locator;
  readonly stepMinutes: Locator;
  /** The step's "what to do" line, under its heading. */
  readonly stepWhat: Locator;
  /**
   * The step's primary action: its filled button(s) in the step's actions (secondary buttons
   * and link buttons excluded). Specs expect exactly one.
   */
  readonly primaryAction: Locator;
  readonly error: Locator;
  readonly outcome: Locator;
  /** Back to the step before, under the step's content. */
  readonly backButton: Locator;
  /** The Check card's count and time of the move, and the order's reason. */
  readonly moveLength: Locator;
  readonly moveOrder: Locator;
  /** Protected but warned: why someone might move anyway. */
  readonly optionalMove: Locator;
  /** The check before the first change: why the move waits, when it does. */
  readonly preflightBlocked: Locator;
  /** Windows, between the removal and the new antivirus: what protects the computer. */
  readonly interim: Locator;

  readonly dialog: Locator;
  readonly dialogCommand: Locator;
  readonly dialogNotes: Locator;
  readonly confirmButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.nextStep = page.getByTestId('next-step');
    this.checkDeadline = page.getByTestId('check-deadline');
    this.startButton = page.getByRole('button', { name: 'Start', exact: true });
    this.resumeButton = page.getByRole('button', { name: 'Resume', exact: true });
    this.startOverButton = page.getByRole('button', { name: 'Start over', exact: true });

    this.rail = page.getByRole('navigation', { name: 'Steps' });
    this.railSteps = this.rail.getByRole('listitem');
    this.currentRailStep = this.rail.locator('[aria-current="step"]');

    this.step = page.locator('section.step');
    this.stepHeading = page.locator('#step-heading');
    this.stepMinutes = this.step.locator('.step__minutes');
    this.stepWhat = this.step.locator('.step__what');
    this.primaryAction = this.step.locator('.actions button.button:not(.button--secondary)');
    this.error = page.getByTestId('journey-error');
    this.outcome = page.getByTestId('action-outcome');
    this.backButton = this.step.locator('.step__back button');
    this.moveLength = page.getByTestId('move-length');
    this.moveOrder = page.getByTestId('move-order');
    this.optionalMove = page.getByTestId('optional-move');
    this.preflightBlocked = page.getByTestId('preflight-blocked');
    this.interim = page.getByTestId('interim-protection');

    this.dialog = page.getByRole('dialog');
    this.dialogCommand = this.dialog.getByTestId('confirm-command');
    this.dialogNotes = this.dialog.getByRole('list', { name: 'Before you confirm' }).getByRole('listitem');
    this.confirmButton = this.dialog.getByRole('button', { name: 'Confirm' });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  railStep(id: string): Locator {
    return this.rail.locator(`[data-step="${id}"]`);
  }

  /** A step of the rail that is a link (one the person can go to). */
  railLink(id: string): Locator {
    return this.railStep(id).getByRole('button');
  }

  /** One line of the check before the first change ('battery', 'disk', 'system', ...). */
  preflightCheck(id: string): Locator {
    return this.page.locator(`[data-preflight="${id}"]`);
  }

  /** Waits until the panel of this step is on screen. */
  async waitForStep(id: string): Promise<void> {
    await this.page.locator(`section.step[data-step="${id}"]`).waitFor({ state: 'visible' });
  }

  button(name: string | RegExp): Locator {
    return this.step.getByRole('button', { name });
  }

  /** A button of the step drawn as a link (a secondary way on, such as "Scan again"). */
  linkButton(name: string): Locator {
    return this.step.getByRole('button', { name, exact: true }).and(this.step.locator('button.link-button'));
  }

  // Keep your data

  keepItem(id: string): Locator {
    return this.step.locator(`[data-item="${id}"]`);
  }

  keepCheckbox(id: string): Locator {
    return this.keepItem(id).getByRole('checkbox');
  }

  exportFormat(name: string): Locator {
    return this.step.getByRole('radio', { name, exact: true });
  }

  /** The plain warning not to open the converted file in a spreadsheet. */
  spreadsheetWarning(): Locator {
    return this.page.getByTestId('spreadsheet-warning');
  }

  /** Deleting the converted file after import: the button, then what happened. */
  convertedFileDeletion(): Locator {
    return this.page.getByTestId('converted-file-deletion');
  }

  conversionResult(): Locator {
    return this.page.getByTestId('conversion-result');
  }

  // Choose

  alternatives(): Locator {
    return this.step.locator('[data-alternative]');
  }

  alternative(id: string): Locator {
    return this.step.locator(`[data-alternative="${id}"]`);
  }

  /** The folded list of the other alternatives ("N more alternatives"). */
  moreAlternatives(): Locator {
    return this.step.getByTestId('more-alternatives');
  }

  /** From the verdict with a fresh journey: Start, Continue past Keep your data, to Choose. */
  async startToChoose(): Promise<void> {
    await this.startButton.click();
    await this.button('Continue').click();
    await this.waitForStep('choose');
  }

  /** Unfolds the other alternatives when this one is ranked below the first few. */
  async reveal(id: string): Promise<Locator> {
    if (!(await this.alternative(id).isVisible()))
      await this.moreAlternatives().locator(':scope > summary').click();
    return this.alternative(id);
  }

  /** From the verdict: Start, Keep your data's Continue, then choose `id`. */
  async startAndChoose(id: string): Promise<void> {
    await this.startButton.click();
    await this.button('Continue').click();
    await this.choose(id);
  }

  async choose(id: string): Promise<void> {
    await (await this.reveal(id)).getByRole('radio').check();
    await this.step.getByRole('button', { name: /^Choose/ }).click();
  }

  // Remove

  removal(detectionId: string): Locator {
    return this.step.locator(`[data-detection="${detectionId}"]`);
  }

  cannotRun(detectionId: string): Locator {
    return this.removal(detectionId).getByTestId('cannot-run');
  }

  // Verify

  check(id: string): Locator {
    return this.step.locator(`[data-check="${id}"]`);
  }

  // Accessibility

  /** axe's findings on the page as it is now, one line each: "where: rule: help (nodes)". */
  async accessibilityViolations(where: string): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.length})`);
  }
}
