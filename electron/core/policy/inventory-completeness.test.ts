import { describe, expect, it } from 'vitest';
import type { SourceReport } from '../observations';
import { inventoryCompleteness } from './inventory-completeness';

const report = (id: SourceReport['id'], status: SourceReport['status'], label = id): SourceReport => ({
  id,
  label,
  status,
  records: status === 'read' ? 1 : 0,
});

describe('inventoryCompleteness', () => {
  it('Windows: Security Center read is enough', () => {
    expect(
      inventoryCompleteness({ platform: 'windows', regionInputs: {} }, [
        report('windows.wsc.antivirus', 'read'),
      ]),
    ).toEqual({
      authoritative: true,
      unreadable: [],
      listingsNotRead: [],
    });
  });

  it('Windows Server: Defender, installed programs and services together stand in', () => {
    const sources = [
      report('windows.wsc.antivirus', 'not-present'),
      report('windows.defender', 'read'),
      report('windows.uninstall', 'read'),
      report('windows.services', 'read'),
    ];
    expect(inventoryCompleteness({ platform: 'windows', regionInputs: {} }, sources).authoritative).toBe(
      true,
    );
  });

  it('says why each list was not read: not on this computer, unreadable, or not in the capture at all', () => {
    const unreadableRpm = { ...report('linux.rpm', 'unreadable'), reason: 'rpm printed garbage' };
    const result = inventoryCompleteness({ platform: 'linux', regionInputs: {} }, [unreadableRpm]);
    expect(result.authoritative).toBe(false);
    expect(result.unreadable).toEqual([unreadableRpm]);
    expect(result.listingsNotRead).toEqual([
      { label: 'Installed packages (dpkg)', why: 'not-recorded' },
      { label: 'Installed packages (rpm)', why: 'unreadable' },
    ]);
  });

  // A case folder made from a partial record holds no Security Center file: the Windows observer
  // reports the source "not part of this scan", which says nothing about the computer.
  it('a source the capture holds no record of is "not recorded", never "not on this computer"', () => {
    const unrecorded: SourceReport = { ...report('windows.wsc.antivirus', 'not-present'), recorded: false };
    const result = inventoryCompleteness({ platform: 'windows', regionInputs: {} }, [
      unrecorded,
      report('windows.defender', 'read'),
      report('windows.uninstall', 'not-present'),
      report('windows.services', 'read'),
    ]);
    expect(result.listingsNotRead).toEqual([
      { label: 'Windows Security Center', why: 'not-recorded' },
      { label: 'Installed programs', why: 'not-present' },
    ]);
  });
});
