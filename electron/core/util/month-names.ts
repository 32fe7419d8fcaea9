/**
 * English month names, for dates written out in words ("29 September 2024"): the same wherever
 * the text is read (a report, the window), unlike Intl with the reader's locale.
 */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
