import { describe, expect, it } from 'vitest';
import { parseProcessList } from './process-list';

// `ps -eo pid=,comm=,exe=` (procps-ng 4.0.2) on this Debian 12 machine, lines as printed. The
// "my sleeper" process was /bin/sleep copied to a folder with spaces, to show both columns with
// spaces; memfd:sealed-91 is the real 15-character cut of a longer name, with a deleted executable.
const LINUX = [
  '    1 process_api     -',
  '    2 kthreadd        -',
  '    3 pool_workqueue_ -',
  '   14 ksoftirqd/0     -',
  ' 1079 memfd:sealed-91 /memfd:sealed-91173221a7ea (deleted)',
  ' 1080 bash            /usr/bin/bash',
  '29516 my sleeper      /tmp/handover ps/yyyyyyyyyyyyyyyyyyyy/my sleeper',
  '29518 ps              /usr/bin/ps',
  '',
].join('\n');

describe('parseProcessList (Linux: pid, comm, exe)', () => {
  it('reads name, path and pid from both ends of each line', () => {
    const parsed = parseProcessList(LINUX, 'linux');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.map(({ name, path, pid }) => ({ name, path, pid }))).toEqual([
      { name: 'process_api', path: undefined, pid: 1 },
      { name: 'kthreadd', path: undefined, pid: 2 },
      { name: 'pool_workqueue_', path: undefined, pid: 3 },
      { name: 'ksoftirqd/0', path: undefined, pid: 14 },
      // comm is cut at 15 characters: the executable's file name gives the whole name.
      { name: 'memfd:sealed-91173221a7ea', path: '/memfd:sealed-91173221a7ea', pid: 1079 },
      { name: 'bash', path: '/usr/bin/bash', pid: 1080 },
      { name: 'my sleeper', path: '/tmp/handover ps/yyyyyyyyyyyyyyyyyyyy/my sleeper', pid: 29516 },
      { name: 'ps', path: '/usr/bin/ps', pid: 29518 },
    ]);
    expect(parsed.value[4]?.line).toBe('1079 memfd:sealed-91 /memfd:sealed-91173221a7ea (deleted)');
  });

  // Constructed lines from here on, for the cases this machine does not show.
  it('keeps a comm that starts with a dash, and finds the path when the comm is not padded', () => {
    const parsed = parseProcessList(
      '  812 -bash           -\n  900 clamonacc /usr/sbin/clamonacc\n',
      'linux',
    );
    expect(parsed.ok && parsed.value.map((p) => [p.name, p.path ?? null])).toEqual([
      ['-bash', null],
      ['clamonacc', '/usr/sbin/clamonacc'],
    ]);
  });

  it('a 15-character comm that is not the start of the file name stays as it is', () => {
    const parsed = parseProcessList(' 2201 kesl-supervisor /opt/kaspersky/kesl/libexec/kesl\n', 'linux');
    expect(parsed.ok && parsed.value[0]).toMatchObject({
      name: 'kesl-supervisor',
      path: '/opt/kaspersky/kesl/libexec/kesl',
      pid: 2201,
    });
  });

  it('refuses output with no process line, and ps output with none at all', () => {
    expect(parseProcessList('error: unknown user-defined format specifier "exe"\n', 'linux')).toEqual({
      ok: false,
      error: 'none of its 1 lines is a "pid name" line',
    });
    expect(parseProcessList('', 'linux').ok).toBe(false);
  });
});

describe('parseProcessList (macOS: pid, comm as the executable path)', () => {
  it('takes the name from the path, keeps spaces, and accepts a bare name', () => {
    // The form `ps -axo pid=,comm=` prints on macOS (comm is the executable path); not captured
    // on a Mac: no Mac is available to this project's test machines.
    const stdout = [
      '    1 /sbin/launchd',
      '  301 /Library/Application Support/Kaspersky Lab/KAV/Binaries/kav_agent',
      '  845 /Applications/Kaspersky Anti-Virus For Mac.app/Contents/MacOS/kav',
      '  912 syspolicyd',
    ].join('\n');
    expect(parseProcessList(stdout, 'macos')).toEqual({
      ok: true,
      value: [
        { name: 'launchd', path: '/sbin/launchd', pid: 1, line: '1 /sbin/launchd' },
        {
          name: 'kav_agent',
          path: '/Library/Application Support/Kaspersky Lab/KAV/Binaries/kav_agent',
          pid: 301,
          line: '301 /Library/Application Support/Kaspersky Lab/KAV/Binaries/kav_agent',
        },
        {
          name: 'kav',
          path: '/Applications/Kaspersky Anti-Virus For Mac.app/Contents/MacOS/kav',
          pid: 845,
          line: '845 /Applications/Kaspersky Anti-Virus For Mac.app/Contents/MacOS/kav',
        },
        { name: 'syspolicyd', pid: 912, line: '912 syspolicyd' },
      ],
    });
  });
});
