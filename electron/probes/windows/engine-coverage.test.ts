/**
 * docs/detection-coverage.md, section "Windows records run in the PowerShell engine", must list
 * every Windows case folder and every machine state the engine tests run (so that a new folder,
 * from whoever adds it, gets its row), and nothing that does not exist.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateFiles, windowsCaseFolders } from './test-support/engine-global-setup';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/detection-coverage.md'), 'utf8');
const section =
  doc.slice(doc.indexOf('## Windows records run in the PowerShell engine')).split(/\n## /)[0] ?? '';
const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] as string);

describe('docs/detection-coverage.md: Windows records run in the PowerShell engine', () => {
  it('lists every Windows case folder and every machine state', () => {
    const wanted = [
      ...windowsCaseFolders().map((c) => c.id),
      ...stateFiles().map((s) => s.id.replace(/^state\//, '')),
    ];
    expect(wanted.filter((id) => !listed.includes(id))).toEqual([]);
    expect(listed.filter((id) => !wanted.includes(id))).toEqual([]);
  });
});
