/** A fleet row's values in words, shared by the table, the CSV, the page and the Fleet screen. */
import type { FleetBannedProduct, FleetRow } from './fleet-summary';

/** "Kaspersky Endpoint Security for Windows: 791 days since its updates stopped (us-bis-icts-2024)". */
export function bannedWords(banned: FleetBannedProduct): string {
  const days = banned.daysSinceCutoff;
  const when =
    days === null
      ? 'banned'
      : days >= 0
        ? `${days} ${days === 1 ? 'day' : 'days'} since its updates stopped`
        : `updates stop in ${-days} ${days === -1 ? 'day' : 'days'}`;
  return `${banned.product}: ${when} (${banned.banId})`;
}

export const bannedListWords = (row: Pick<FleetRow, 'banned'>) => row.banned.map(bannedWords).join('; ');

export const protectorWords = (row: Pick<FleetRow, 'protectors'>) =>
  row.protectors.length > 0 ? row.protectors.join('; ') : 'nothing';

/** "today", "1 day ago", "12 days ago". */
export function ageWords(days: number): string {
  if (days === 0) return 'today';
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}
