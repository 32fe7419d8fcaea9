/** The Fleet screen (renderer/src/components/fleet/): locators and actions; assertions stay in the specs. */
import type { Locator, Page } from '@playwright/test';

export class FleetPage {
  readonly openButton: Locator;
  readonly heading: Locator;
  readonly chart: Locator;
  readonly search: Locator;
  readonly level: Locator;
  readonly staleOnly: Locator;
  readonly bannedOnly: Locator;
  readonly shown: Locator;
  readonly scroller: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly skipped: Locator;
  readonly exportButton: Locator;
  readonly closeButton: Locator;
  readonly backToFleet: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Open a fleet folder…' });
    this.heading = page.getByRole('heading', { level: 1, name: /^Every machine in / });
    this.chart = page.getByTestId('fleet-chart');
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.level = page.getByRole('combobox', { name: 'Level' });
    this.staleOnly = page.getByRole('checkbox', { name: 'Silent too long' });
    this.bannedOnly = page.getByRole('checkbox', { name: 'Still has a banned product' });
    this.shown = page.getByTestId('fleet-shown');
    this.scroller = page.getByTestId('fleet-table-scroller');
    this.table = page.getByRole('table', { name: 'Every machine of the folder' });
    this.rows = page.getByTestId('fleet-row');
    this.skipped = page.getByTestId('fleet-skipped');
    this.exportButton = page.getByRole('button', { name: 'Export the table as CSV…' });
    this.closeButton = page.getByRole('button', { name: 'Close and return to this computer' });
    this.backToFleet = page.getByRole('button', { name: 'Back to the fleet' });
  }

  /** Get help → "Open a fleet folder…", the dialog answering with `folder` (harness.chooseFolderToOpen). */
  async open(
    folder: string,
    help: { openHelpTools(): Promise<void> },
    choose: (path: string) => void,
  ): Promise<void> {
    await help.openHelpTools();
    choose(folder);
    await this.openButton.click();
  }

  sortBy(column: string): Promise<void> {
    return this.table.getByRole('button', { name: column, exact: false }).first().click();
  }

  header(column: string): Locator {
    return this.table.getByRole('columnheader', { name: column });
  }

  openMachine(name: string): Promise<void> {
    return this.table.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  }

  /** The machine names of the rows in the page, in order. */
  async machineNames(): Promise<string[]> {
    return this.rows.locator('.fleet-table__name').allTextContents();
  }
}
