import { describe, expect, it } from 'vitest';
import { parseProcesses } from './processes';

// Kaspersky 21.26 avp.exe seen running on a Russian-locale PC [S54]; path per detection.md §2.1.
const AVP = {
  Name: 'avp.exe',
  ProcessId: 4120,
  ExecutablePath: 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky 21.26\\avp.exe',
};

describe('parseProcesses', () => {
  it('reads processes, with or without a path', () => {
    expect(
      parseProcesses([AVP, { Name: 'System', ProcessId: 4, ExecutablePath: null }], 'windows.processes'),
    ).toEqual({
      ok: true,
      value: [
        {
          kind: 'process',
          name: 'avp.exe',
          pid: 4120,
          path: 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky 21.26\\avp.exe',
          evidence: { source: 'windows.processes', record: JSON.stringify(AVP) },
        },
        {
          kind: 'process',
          name: 'System',
          pid: 4,
          evidence: {
            source: 'windows.processes',
            record: '{"Name":"System","ProcessId":4,"ExecutablePath":null}',
          },
        },
      ],
    });
  });

  it('accepts one process as an object', () => {
    expect(parseProcesses(AVP, 'windows.processes')).toMatchObject({
      ok: true,
      value: [{ name: 'avp.exe' }],
    });
  });

  it('rejects nameless or mistyped records', () => {
    expect(parseProcesses([{ ProcessId: 1 }], 'windows.services')).toEqual({
      ok: false,
      error: 'process 1 has no Name',
    });
    expect(parseProcesses([{ Name: 'a', ProcessId: 'one' }], 'windows.services')).toMatchObject({
      ok: false,
    });
  });
});
