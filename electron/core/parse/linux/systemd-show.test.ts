import { describe, expect, it } from 'vitest';
import { isSystemdNotRunning, parseSystemdShow } from './systemd-show';

// Layout per systemctl(1) `show`: one Key=Value block per unit, blocks separated by an empty line;
// an unknown unit gets LoadState=not-found. (systemd is not PID 1 on this machine, so no live transcript.)
const SHOW = `Id=kesl.service
LoadState=loaded
ActiveState=active
SubState=running
UnitFileState=enabled

Id=klnagent64.service
LoadState=not-found
ActiveState=inactive
SubState=dead
UnitFileState=

Id=clamav-clamonacc.service
LoadState=loaded
ActiveState=inactive
SubState=dead
UnitFileState=disabled
`;

describe('parseSystemdShow', () => {
  it('reads one unit per block', () => {
    const result = parseSystemdShow(SHOW);
    expect(
      result.ok && result.value.map((u) => [u.id, u.loadState, u.activeState, u.subState, u.unitFileState]),
    ).toEqual([
      ['kesl.service', 'loaded', 'active', 'running', 'enabled'],
      ['klnagent64.service', 'not-found', 'inactive', 'dead', ''],
      ['clamav-clamonacc.service', 'loaded', 'inactive', 'dead', 'disabled'],
    ]);
  });

  it('refuses blocks without Id', () => {
    expect(parseSystemdShow('garbage\n').ok).toBe(false);
  });

  it('recognises the message systemctl prints where systemd is not init (this machine)', () => {
    expect(
      isSystemdNotRunning(
        "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n",
      ),
    ).toBe(true);
    expect(isSystemdNotRunning('Unit foo.service could not be found.')).toBe(false);
  });
});
