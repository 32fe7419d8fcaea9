import { describe, expect, it } from 'vitest';
import {
  ageSuffix,
  calendarDate,
  dateWithAge,
  daysAgo,
  daysBetween,
  formatDate,
  formatDateTime,
} from './dates';

describe('dates', () => {
  it('formats dates in the given locale (the person’s when none is given) and rejects bad ones', () => {
    expect(formatDate('2024-09-29T12:00:00Z', 'en-GB')).toBe('29 September 2024');
    expect(formatDate('2024-09-29T12:00:00Z', 'en-US')).toBe('September 29, 2024');
    expect(formatDate('2024-09-29T12:00:00Z', 'es-ES')).toBe('29 de septiembre de 2024');
    expect(formatDate('2024-09-29T12:00:00Z', 'ru-RU')).toBe('29 сентября 2024 г.');
    expect(formatDate('2024-09-29T12:00:00Z')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date('2024-09-29T12:00:00Z')),
    );
    expect(formatDate('not a date')).toBeNull();
    expect(formatDate(null)).toBeNull();
    expect(formatDateTime('2026-11-29T12:00:00Z', 'en-GB')).toMatch(/^29 November 2026 at \d{2}:00$/);
  });

  it('counts days from the data, in plain words, and puts the age next to the date', () => {
    expect(daysAgo(791)).toBe('791 days ago');
    expect(daysAgo(0)).toBe('today');
    expect(daysAgo(-3)).toBe('in 3 days');
    expect(dateWithAge('2024-09-29T04:00:00Z', 791, '29 September 2024', 'en-GB')).toBe(
      '29 September 2024 (791 days ago)',
    );
    expect(dateWithAge('garbage', 2, 'the day it ended', 'en-GB')).toBe('the day it ended (2 days ago)');
    expect(daysBetween('2026-11-26T12:00:00Z', '2026-11-29T11:00:00Z')).toBe(2);
    expect(daysBetween(null, '2026-11-29T11:00:00Z')).toBeNull();
    expect(ageSuffix(2)).toBe(' (2 days ago)');
    expect(ageSuffix(0)).toBe(' (today)');
    expect(ageSuffix(null)).toBe('');
  });

  it('reads catalog dates at the precision the source gives, in UTC', () => {
    expect(calendarDate('2024', 'en-GB')).toBe('2024');
    expect(calendarDate('2024-03', 'en-GB')).toBe('March 2024');
    expect(calendarDate('2024-09-05', 'en-GB')).toBe('5 September 2024');
    expect(calendarDate('2024-09-05', 'en-US')).toBe('September 5, 2024');
  });
});

/** Every renderer source file but tests, test helpers and this module, as text (Vite's glob). */
const SCREEN_FILES: Readonly<Record<string, string>> = import.meta.glob(
  ['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./test-support/**', '!./dates.ts'],
  { query: '?raw', import: 'default', eager: true },
);

describe('one date format everywhere', () => {
  // What formats a date: Intl's date and relative-time formatters, Date's locale methods, and
  // cutting an ISO string by hand. (toLocaleString on a number is a number, not a date: allowed.)
  const FORBIDDEN = [
    /Intl\.DateTimeFormat/,
    /Intl\.RelativeTimeFormat/,
    /\.toLocaleDateString\(/,
    /\.toLocaleTimeString\(/,
    /\.toDateString\(/,
    /\.toUTCString\(/,
    /\.get(UTC)?(FullYear|Month|Date|Hours|Minutes)\(/,
    /toISOString\(\)\.(slice|substring|split)/,
  ];

  it('no screen formats a date another way than ./dates.ts', () => {
    const files = Object.entries(SCREEN_FILES);
    expect(files.length).toBeGreaterThan(30);
    expect(files.map(([file]) => file)).toContain('./components/journey/ChooseStep.tsx');
    const offenders = files.flatMap(([file, text]) =>
      FORBIDDEN.filter((pattern) => pattern.test(text)).map((p) => `${file}: ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the check finds a file that does (it can fail)', () => {
    const sample = "const d = new Intl.DateTimeFormat('en-US').format(new Date());";
    expect(FORBIDDEN.some((p) => p.test(sample))).toBe(true);
  });
});
