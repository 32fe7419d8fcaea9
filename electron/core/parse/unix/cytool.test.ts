/** Built from the real outputs kept in fixtures/detection; each case's expected.json cites its source. */
import { describe, expect, it } from 'vitest';
import { caseFile, parsedValue } from '../../test-support/detection-case-files';
import { parseCytool } from './cytool';

describe('parseCytool', () => {
  const outputs = (caseId: string) => [
    { args: ['info'], stdout: caseFile(caseId, 'cytool-info.txt') },
    { args: ['info', 'query'], stdout: caseFile(caseId, 'cytool-info-query.txt') },
    { args: ['runtime', 'query'], stdout: caseFile(caseId, 'cytool-runtime-query.txt') },
  ];

  it('reads Linux and macOS agents: version, content version, pmd running [GLPI-CORTEX]', () => {
    expect(parsedValue(parseCytool(outputs('linux-cortex-xdr-8.2.1')))).toMatchObject({
      version: '8.2.1.120305',
      realtime: true,
      signaturesVersion: 'content 1270-120305',
    });
    expect(parsedValue(parseCytool(outputs('macos-cortex-xdr-8.2.1')))).toMatchObject({
      version: '8.2.1.47908',
      realtime: true,
    });
  });

  it('pmd stopped is off; no pmd row is unknown', () => {
    const stopped = 'Name PID User Status Command\n pmd 1092 root Stopped /opt/traps/bin/pmd\n';
    expect(parsedValue(parseCytool([{ args: ['runtime', 'query'], stdout: stopped }])).realtime).toBe(false);
    expect(
      parsedValue(parseCytool([{ args: ['info'], stdout: 'Cortex XDR (R) supervisor tool 8.2.1.120305\n' }]))
        .realtime,
    ).toBeNull();
  });
});
