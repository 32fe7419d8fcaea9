import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test-support/temporary-folder';
import { redactArgs } from '../../actions/action-log';
import { ACTION_LOG_FILE, createActionLog } from './action-log-file';

describe('createActionLog', () => {
  it('writes one JSON line per entry in actions.jsonl: what, when, exit code', async () => {
    const dir = await temporaryFolder('actions');
    const log = createActionLog({ dir, now: () => new Date('2026-11-29T10:00:00Z') });
    expect(log.path).toBe(join(dir, ACTION_LOG_FILE));
    await log.record({
      action: 'uninstall',
      stage: 'finished',
      detectionId: 'kaspersky-endpoint-security',
      command: {
        file: 'C:\\WINDOWS\\System32\\msiexec.exe',
        args: ['/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
      },
      exitCode: 3010,
      result: 'restart-needed',
      durationMs: 4200,
    });
    const lines = (await readFile(log.path, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        time: '2026-11-29T10:00:00.000Z',
        event: 'uninstall.finished',
        action: 'uninstall',
        stage: 'finished',
        detectionId: 'kaspersky-endpoint-security',
        command: {
          file: 'C:\\WINDOWS\\System32\\msiexec.exe',
          args: ['/x', '{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}'],
        },
        exitCode: 3010,
        result: 'restart-needed',
        durationMs: 4200,
      },
    ]);
  });

  it('never writes anything that looks like a password', async () => {
    const dir = await temporaryFolder('actions');
    const log = createActionLog({ dir, now: () => new Date('2026-11-29T10:00:00Z') });
    await log.record({
      action: 'uninstall',
      stage: 'started',
      command: {
        file: 'C:\\X\\un.exe',
        args: ['KLLOGIN=KLAdmin', 'KLPASSWD=hunter2', '/password:abc', '/S'],
      },
    });
    const text = await readFile(log.path, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('abc');
    expect(redactArgs(['KLPASSWD=hunter2', 'KLUNINSTPASSWD=x', '/S'])).toEqual([
      'KLPASSWD=<hidden>',
      'KLUNINSTPASSWD=<hidden>',
      '/S',
    ]);
  });
});
