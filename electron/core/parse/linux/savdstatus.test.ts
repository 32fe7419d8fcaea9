import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseSavdstatus } from './savdstatus';

describe('parseSavdstatus', () => {
  it('reads "active and on-access scanning is running" as on (ref 10976412402)', () => {
    expect(
      parsedValue(parseSavdstatus(caseFile('linux-sophos-sav-savdstatus', 'savdstatus.txt'))).realtime,
    ).toBe(true);
  });

  it('reads on-access scanning not running, or Sophos inactive, as off; anything else as unknown', () => {
    // Composed: the documented sentence with its negation.
    expect(
      parsedValue(parseSavdstatus('Sophos Anti-Virus is active but on-access scanning is not running\n'))
        .realtime,
    ).toBe(false);
    expect(parsedValue(parseSavdstatus('Sophos Anti-Virus is not running\n')).realtime).toBe(false);
    expect(parsedValue(parseSavdstatus('Sophos Anti-Virus is starting\n')).realtime).toBeNull();
    expect(parseSavdstatus('').ok).toBe(false);
  });
});
