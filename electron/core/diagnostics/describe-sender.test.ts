import { describe, expect, it } from 'vitest';
import type { Capture } from '../capture';
import { describeSender, plainLine } from './describe-sender';
import type { DiagnosticsFile } from './diagnostics-file';

const file = (label: string, personalDetailsHidden = true): DiagnosticsFile => ({
  format: 'handover.diagnostics',
  formatVersion: 1,
  createdAt: '2026-11-29T12:05:30.000+01:00',
  personalDetailsHidden,
  sender: { label, platform: 'windows' },
  app: { version: '0.1.0' },
  capture: { capturedAt: '2026-11-29T11:00:00.000Z' } as Capture,
  report: null,
  log: [],
});

describe('describeSender', () => {
  it('says whose machine, which system, when it was scanned and saved, and that it is read-only', () => {
    expect(describeSender(file('host-1'))).toBe(
      'Diagnostics from host-1 (Windows): scanned 2026-11-29 11:00 UTC, saved 2026-11-29 11:05 UTC. Read-only; personal details were hidden.',
    );
    expect(describeSender(file('ALICE-PC', false))).toMatch(
      /^Diagnostics from ALICE-PC .*personal details were not hidden\.$/,
    );
  });

  it('shows a label as plain text: no terminal escapes, no direction overrides', () => {
    expect(plainLine('pc\u001b[2J\u001b]0;owned\u0007\u202Eexe.txt')).toBe(
      'pc\uFFFD[2J\uFFFD]0;owned\uFFFD\uFFFDexe.txt',
    );
    expect(describeSender(file('a\nb'))).toContain('from a\uFFFDb (Windows)');
  });
});
