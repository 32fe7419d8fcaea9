import { describe, expect, it } from 'vitest';
import { machineIdOf } from '../../machine/machine-id';
import { captureOf, commandFailed, commandOk, file, fileFailed } from '../../test-support/hand-made-captures';
import { observeLinux } from '../observe-linux';
import { observeMacos } from '../observe-macos';

// /etc/machine-id of the Debian 12 machine these tests were written on (machine-id(5): 32 lower-case hex and a newline).
const DEBIAN_MACHINE_ID = '3d1219c7c4c5404aaa1f6d2a48adfda4\n';
const IOREG_ARGS = ['-rd1', '-c', 'IOPlatformExpertDevice'];
// The layout of `ioreg -rd1 -c IOPlatformExpertDevice` (ioreg-platform-uuid.test.ts); the UUID is made up.
const IOREG = `+-o Mac-mini  <class IOPlatformExpertDevice, id 0x100000110, registered, matched, active, busy 0 (0 ms), retain 24>
    {
      "IOPlatformUUID" = "E0A1B2C3-1A2B-5C3D-9E8F-0A1B2C3D4E5F"
    }
`;
const idOf = (raw: string) => {
  const id = machineIdOf(raw);
  if (!id.ok) throw new Error(id.error);
  return id.value;
};
const sourceOf = (result: ReturnType<typeof observeLinux>) =>
  result.sources.find((s) => s.id === 'host.machine-id');

describe('the machine id on Linux and macOS', () => {
  it('reads /etc/machine-id into the id Handover shows, never the raw id', () => {
    const result = observeLinux(
      captureOf('linux', [file('host.machine-id', '/etc/machine-id', DEBIAN_MACHINE_ID)]),
    );
    expect(result.machine.machineId).toBe(idOf(DEBIAN_MACHINE_ID));
    expect(result.machine.machineId).not.toContain('3d1219c7');
    expect(sourceOf(result)).toMatchObject({ status: 'read' });
  });

  it("falls back to D-Bus's /var/lib/dbus/machine-id on a system without systemd", () => {
    const result = observeLinux(
      captureOf('linux', [
        fileFailed('host.machine-id', '/etc/machine-id', 'missing', '/etc/machine-id does not exist'),
        file('host.machine-id', '/var/lib/dbus/machine-id', DEBIAN_MACHINE_ID),
      ]),
    );
    expect(result.machine.machineId).toBe(idOf(DEBIAN_MACHINE_ID));
  });

  it('says why there is no id: a first boot not finished, or an unreadable file', () => {
    const first = observeLinux(
      captureOf('linux', [file('host.machine-id', '/etc/machine-id', 'uninitialized\n')]),
    );
    expect(first.machine.machineId).toBeUndefined();
    expect(sourceOf(first)).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/first boot/),
    });
    const denied = observeLinux(
      captureOf('linux', [
        fileFailed(
          'host.machine-id',
          '/etc/machine-id',
          'failed',
          '/etc/machine-id could not be read: permission denied',
        ),
      ]),
    );
    expect(denied.machine.machineId).toBeUndefined();
    expect(sourceOf(denied)).toMatchObject({
      status: 'unreadable',
      reason: expect.stringMatching(/permission denied/),
    });
  });

  it('reads IOPlatformUUID from ioreg on macOS, and says so when ioreg failed', () => {
    const read = observeMacos(
      captureOf('macos', [commandOk('host.machine-id', '/usr/sbin/ioreg', IOREG_ARGS, IOREG)]),
    );
    expect(read.machine.machineId).toBe(idOf('E0A1B2C3-1A2B-5C3D-9E8F-0A1B2C3D4E5F'));
    const failed = observeMacos(
      captureOf('macos', [
        commandFailed(
          'host.machine-id',
          '/usr/sbin/ioreg',
          IOREG_ARGS,
          'timeout',
          'ioreg did not finish in 10 s',
        ),
      ]),
    );
    expect(failed.machine.machineId).toBeUndefined();
    expect(sourceOf(failed)).toMatchObject({ status: 'unreadable' });
  });

  it('reports nothing for a capture made before the id was recorded', () => {
    const result = observeLinux(captureOf('linux', []));
    expect(result.machine.machineId).toBeUndefined();
    expect(sourceOf(result)).toBeUndefined();
  });
});
