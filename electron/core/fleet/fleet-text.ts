/**
 * The fleet summary as the readable table `handover fleet summarize DIR` prints by default:
 * totals first, one line per machine (worst first), then the machines with a banned product,
 * the silent ones, the duplicates and the files that were skipped, each with its reason.
 * Values come from files machines wrote: oneLine keeps each on one line and shows control and
 * bidi characters as their code points.
 */
import { LEVEL_WORDS } from '../report/report-words';
import { oneLine } from '../util/visible-text';
import type { FleetRow, FleetSummary } from './fleet-summary';
import { VERDICT_LEVELS } from './fleet-summary';
import { ageWords, bannedWords, protectorWords } from './fleet-words';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function table(header: readonly string[], lines: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(header), ...lines.map(format)];
}

const machineName = (row: Pick<FleetRow, 'machine'>) => oneLine(row.machine ?? '(no host name)', 40);

function rowCells(row: FleetRow): string[] {
  return [
    LEVEL_WORDS[row.level],
    machineName(row),
    row.machineId ? row.machineId.slice(0, 8) : '-',
    `${row.scannedAt.slice(0, 10)}${row.stale ? ' STALE' : ''}`,
    row.banned.length > 0 ? oneLine(row.banned.map((b) => b.product).join(', '), 40) : '-',
    oneLine(protectorWords(row), 40),
    oneLine(row.headline, 100),
  ];
}

export function fleetText(summary: FleetSummary): string {
  const { totals } = summary;
  const levels = VERDICT_LEVELS.map((level) => `${LEVEL_WORDS[level]} ${totals.byLevel[level]}`).join(', ');
  const lines = [
    `Fleet: ${plural(totals.machines, 'machine')} in ${oneLine(summary.folder, 200)}, judged ${summary.judgedAt.slice(0, 16).replace('T', ' ')} UTC`,
    `Levels: ${levels}`,
    `Banned product still present: ${totals.banned}. Silent for more than ${plural(summary.staleDays, 'day')}: ${totals.stale}. Duplicates: ${totals.duplicates}. Files skipped: ${totals.skipped}.`,
    '',
  ];
  if (summary.rows.length > 0) {
    lines.push(
      ...table(
        ['LEVEL', 'MACHINE', 'ID', 'SCANNED', 'BANNED', 'PROTECTED BY', 'HEADLINE'],
        summary.rows.map(rowCells),
      ),
      '',
    );
  } else {
    lines.push('No machine has written a file Handover can read here.', '');
  }
  const banned = summary.rows.filter((r) => r.banned.length > 0);
  if (banned.length > 0) {
    lines.push('Machines that still have a banned product:');
    for (const row of banned)
      lines.push(`- ${machineName(row)}: ${oneLine(row.banned.map(bannedWords).join('; '), 300)}`);
    lines.push('');
  }
  const stale = summary.rows.filter((r) => r.stale);
  if (stale.length > 0) {
    lines.push(`Machines silent for more than ${plural(summary.staleDays, 'day')}:`);
    for (const row of stale) lines.push(`- ${machineName(row)}: last scanned ${ageWords(row.staleDays)}`);
    lines.push('');
  }
  if (summary.duplicates.length > 0) {
    lines.push('Files with the same machine id (the newest is the one counted):');
    for (const dup of summary.duplicates) {
      const files = dup.files.map(
        (f, i) =>
          `${oneLine(f.file, 80)} (${oneLine(f.machine ?? 'no host name', 40)}, ${f.scannedAt})${i === 0 ? ' counted' : ''}`,
      );
      lines.push(`- ${dup.machineId}: ${files.join('; ')}`);
    }
    lines.push('');
  }
  if (summary.skipped.length > 0) {
    lines.push('Files skipped:');
    for (const skip of summary.skipped)
      lines.push(`- ${oneLine(skip.file, 80)}: ${oneLine(skip.reason, 300)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
