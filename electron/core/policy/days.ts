const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to`: positive when `to` is later, rounded towards zero. */
export function wholeDaysBetween(from: Date, to: Date): number {
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  return days < 0 ? Math.ceil(days) : Math.floor(days);
}

/** "1 day", "791 days". */
export function dayCount(days: number): string {
  const n = Math.abs(days);
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}
