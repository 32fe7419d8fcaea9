import { describe, expect, it } from 'vitest';
import { parseRpmQuery } from './rpm-query';

// Lines in the shape the probe's --qf asks for. No real rpm transcript with this format was
// available here: the names and versions are real (kesl 12.4.0-1225 [S99]), the vendor strings
// are examples, and '(none)' is what rpm prints for an unset tag.
const LINES = ['kesl\t12.4.0-1225\tAO Kaspersky Lab', 'gpg-pubkey\t3228467c-613798eb\t(none)', ''].join('\n');

describe('parseRpmQuery', () => {
  it('reads name, version-release and vendor; (none) is no vendor', () => {
    const result = parseRpmQuery(LINES);
    expect(result.ok && result.value.map((p) => [p.name, p.version, p.vendor])).toEqual([
      ['kesl', '12.4.0-1225', 'AO Kaspersky Lab'],
      ['gpg-pubkey', '3228467c-613798eb', null],
    ]);
  });

  it('refuses garbage, accepts an empty database', () => {
    expect(parseRpmQuery('error: cannot open Packages database in /var/lib/rpm\n').ok).toBe(false);
    expect(parseRpmQuery('').ok).toBe(true);
  });
});
