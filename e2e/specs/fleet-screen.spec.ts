/**
 * The Fleet screen (issue 13 §3) on folders made for the test from the real fixture cases (host
 * names, machine ids and scan times made up: electron/probes/replay/fleet-case-capture.ts), with
 * hostile files beside them: the chart and the table, sorting, filters, search, one machine opened
 * read-only and back, the CSV. The first test writes docs/screenshots/fleet/.
 */
import { mkdirSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Capture } from '../../electron/core/capture';
import { captureFromCaseDir } from '../../electron/probes/replay/case-capture';
import { asFleetMachine, madeUpMachineGuid } from '../../electron/probes/replay/fleet-case-capture';
import { CASES_DIR, expect, test } from '../fixtures';
import { FleetPage } from '../pages/fleet-page';
import { HelpDeskPage } from '../pages/help-desk-page';

const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'fleet');
const NOW = '2026-11-29T12:00:00.000Z';

test.use({ cases: ['win10-bitdefender-defender-off-thm'], region: 'US', now: NOW });

const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

async function machine(caseId: string, n: number, hostname: string, days: number): Promise<Capture> {
  const base = await captureFromCaseDir(join(CASES_DIR, caseId));
  // Every machine of the office is in New York: its region resolves to the United States.
  const locale = { env: { LANG: 'en_US.UTF-8' }, intlLocale: 'en-US', timeZone: 'America/New_York' };
  return asFleetMachine(base, {
    hostname,
    osMachineId: madeUpMachineGuid(n),
    capturedAt: daysAgo(days),
    locale,
  });
}

/** A small office: ten machines, one of them twice, one silent for a month, and files no machine wrote. */
async function officeFolder(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const machines: [string, Capture][] = [
    ['reception.json', await machine('win-kes10-de-wsc', 1, 'RECEPTION', 1)],
    ['accounts-1.json', await machine('win-defender-alone-may2024', 2, 'ACCOUNTS-1', 0)],
    ['accounts-2.json', await machine('win10-bitdefender-defender-off-thm', 3, 'ACCOUNTS-2', 1)],
    ['warehouse.json', await machine('win11-kaspersky-standard-defender-not-running-ru', 4, 'WAREHOUSE', 31)],
    ['director.json', await machine('win10-sentinelone-4.1.4.82-defender-off', 5, 'DIRECTOR', 2)],
    ['server.json', await machine('winserver2022-fr-defender-normal-wmic', 6, 'FILESERVER', 0)],
    ['build.json', await machine('linux-clamav-freshclam-alpine-2024', 7, 'build-box', 3)],
    ['design-mac.json', await machine('macos-sentinelone-24.1.2', 8, 'DESIGN-MAC', 1)],
    ['old-laptop.json', await machine('win7-mse-signatures-out-of-date', 9, 'OLD-LAPTOP', 12)],
    ['reception-old.json', await machine('win-kes10-de-wsc', 1, 'RECEPTION', 20)],
    ['kiosk.json', await machine('win10-huorong-defender-windefend-stopped', 10, 'KIOSK', 0)],
  ];
  for (const [name, capture] of machines) await writeFile(join(dir, name), JSON.stringify(capture));
  await writeFile(join(dir, 'notes.txt'), 'Printer codes: 1234');
  await writeFile(join(dir, 'half-written.json'), '{"format":"handover.capture","records":[');
  await symlink('/etc/passwd', join(dir, 'passwd.json'));
}

test('a small office in one view: chart, table, filters, one machine, CSV', async ({
  page,
  verdictPage,
  harness,
}) => {
  // Many steps, each waiting on the real handlers: more than the default 30 s on a loaded machine.
  test.setTimeout(120_000);
  const folder = join(harness.dataDir, 'office');
  await officeFolder(folder);
  const help = new HelpDeskPage(page);
  const fleet = new FleetPage(page);
  await verdictPage.openAndWaitForVerdict();
  await fleet.open(folder, help, (path) => harness.chooseFolderToOpen(path));

  await expect(fleet.heading).toHaveText(`Every machine in ${folder}`);
  await expect(fleet.chart).toHaveAttribute(
    'aria-label',
    /^Machines by level: Not protected \d+, Cannot tell \d+, At risk \d+, Protected \d+$/,
  );
  await expect(fleet.shown).toHaveText('Showing 10 of 10 machines.');
  await expect(fleet.skipped).toContainText('passwd.json: it is a symbolic link, which is never followed');
  await expect(fleet.skipped).toContainText('half-written.json: it is cut short (truncated)');
  await expect(fleet.skipped).toContainText('notes.txt: it is not a Handover');
  await expect(page.getByRole('heading', { name: 'The same machine in more than one file' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, '1-fleet-overview.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Sorting: by machine, both ways, said by aria-sort.
  await fleet.sortBy('Machine');
  await expect(fleet.header('Machine')).toHaveAttribute('aria-sort', 'ascending');
  const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  expect(await fleet.machineNames()).toEqual([...(await fleet.machineNames())].sort(byName.compare));
  await fleet.sortBy('Machine');
  await expect(fleet.header('Machine')).toHaveAttribute('aria-sort', 'descending');
  expect((await fleet.machineNames())[0]).toBe('WAREHOUSE');

  // Filters and search.
  await fleet.bannedOnly.check();
  await expect(fleet.shown).toHaveText(/^Showing [1-9] of 10 machines\.$/);
  expect(await fleet.machineNames()).toContain('RECEPTION');
  expect(await fleet.machineNames()).not.toContain('ACCOUNTS-1');
  await fleet.bannedOnly.uncheck();
  await fleet.staleOnly.check();
  await expect(fleet.shown).toHaveText('Showing 2 of 10 machines.');
  expect((await fleet.machineNames()).sort()).toEqual(['OLD-LAPTOP', 'WAREHOUSE']);
  await fleet.staleOnly.uncheck();
  await fleet.level.selectOption('protected');
  expect(await fleet.machineNames()).toContain('ACCOUNTS-1');
  await fleet.level.selectOption('all');
  await fleet.search.fill('sentinelone');
  await expect(fleet.shown).toHaveText('Showing 2 of 10 machines.');
  await page.screenshot({ path: join(SHOTS, '2-fleet-search.png'), fullPage: true });
  await fleet.search.fill('');

  // One machine, read-only, and back.
  await fleet.openMachine('RECEPTION');
  await expect(help.viewingBanner).toContainText('You are looking at RECEPTION from the folder');
  // Scanned the day before the summary judged it, and said so next to the date.
  await expect(help.viewingBanner).toContainText(
    'as it was scanned on 28 November 2026 at 12:00 (yesterday), judged today',
  );
  await verdictPage.waitForVerdict();
  await expect(verdictPage.verdictHeading).toContainText(/./);
  await page.screenshot({ path: join(SHOTS, '3-fleet-machine.png') });
  await fleet.backToFleet.click();
  await expect(fleet.heading).toBeVisible();

  // The CSV, safe for spreadsheets.
  await fleet.exportButton.click();
  const saved = join(harness.savedDir, 'handover-fleet-2026-11-29.csv');
  await expect(page.getByText(`The table was saved to ${saved}.`)).toBeVisible();
  const csv = await readFile(saved, 'utf8');
  expect(csv.startsWith('\uFEFFmachine,machine id,platform,')).toBe(true);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(11);

  await fleet.closeButton.click();
  await verdictPage.waitForVerdict();
});

test('smooth at 10,000 machines: only the rows in view are in the page', async ({
  page,
  verdictPage,
  harness,
}) => {
  test.setTimeout(240_000);
  const folder = join(harness.dataDir, 'many');
  mkdirSync(folder, { recursive: true });
  const bases = await Promise.all(
    [
      'linux-clamav-freshclam-alpine-2024',
      'win-defender-alone-may2024',
      'win-kes10-de-wsc',
      'macos-mdatp-health-101.98.30',
    ].map((id) => captureFromCaseDir(join(CASES_DIR, id))),
  );
  for (let n = 0; n < 10_000; n += 1) {
    const capture = asFleetMachine(bases[n % bases.length] as Capture, {
      hostname: `PC-${String(n).padStart(5, '0')}`,
      osMachineId: madeUpMachineGuid(n),
      capturedAt: daysAgo(n % 10),
    });
    await writeFile(join(folder, `pc-${n}.json`), JSON.stringify(capture));
  }
  const help = new HelpDeskPage(page);
  const fleet = new FleetPage(page);
  await verdictPage.openAndWaitForVerdict();
  await fleet.open(folder, help, (path) => harness.chooseFolderToOpen(path));
  await expect(fleet.shown).toHaveText('Showing 10000 of 10000 machines.', { timeout: 200_000 });
  await expect(fleet.table).toHaveAttribute('aria-rowcount', '10001');
  expect(await fleet.rows.count()).toBeLessThan(60);

  await fleet.sortBy('Machine');
  await fleet.scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(fleet.rows.last()).toHaveAttribute('aria-rowindex', '10001');
  await expect(fleet.rows.last().locator('.fleet-table__name')).toHaveText('PC-09999');
  expect(await fleet.rows.count()).toBeLessThan(60);

  await fleet.search.fill('PC-04242');
  await expect(fleet.shown).toHaveText('Showing 1 of 10000 machines.');
  expect(await fleet.machineNames()).toEqual(['PC-04242']);
});
