import { describe, expect, it } from 'vitest';
import { fakeProbeContext } from '../test-support/fake-probe-context';
import { IOREG_ARGS, machineIdProbe } from './machine-id-probe';

describe('machineIdProbe', () => {
  it('records /etc/machine-id raw and stops there', async () => {
    const { context, reads } = fakeProbeContext({
      files: { '/etc/machine-id': '3d1219c7c4c5404aaa1f6d2a48adfda4\n' },
    });
    const records = await machineIdProbe('linux').run(context);
    expect(records).toMatchObject([
      {
        probe: 'host.machine-id',
        kind: 'file',
        path: '/etc/machine-id',
        outcome: 'ok',
        content: '3d1219c7c4c5404aaa1f6d2a48adfda4\n',
      },
    ]);
    expect(reads).toEqual(['/etc/machine-id']);
  });

  it("reads D-Bus's copy only when /etc/machine-id does not exist", async () => {
    const { context } = fakeProbeContext({
      files: { '/var/lib/dbus/machine-id': 'b08dfa6083e7567a1921a715000001fb\n' },
    });
    const records = await machineIdProbe('linux').run(context);
    expect(records.map((r) => [r.outcome, 'path' in r ? r.path : ''])).toEqual([
      ['missing', '/etc/machine-id'],
      ['ok', '/var/lib/dbus/machine-id'],
    ]);
  });

  it('runs ioreg by its full path on macOS', async () => {
    const { context, calls } = fakeProbeContext({
      commands: { '/usr/sbin/ioreg': { stdout: '"IOPlatformUUID" = "X"' } },
    });
    const records = await machineIdProbe('macos').run(context);
    expect(calls.map((c) => [c.file, c.args])).toEqual([['/usr/sbin/ioreg', IOREG_ARGS]]);
    expect(records).toMatchObject([{ probe: 'host.machine-id', kind: 'command', outcome: 'ok' }]);
  });
});
