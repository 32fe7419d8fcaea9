/**
 * Windows PowerShell 5.1 is not the engine these tests run, so the exact script is also read by
 * the engine's own parser (System.Management.Automation.Language.Parser, in the .NET host) and
 * refused where 5.1 would fail (windows-engine/src/ScriptGuard.cs, with 5.1's commands, aliases
 * and parameters as data from Microsoft's documentation: windows-engine/data/ps51-commands.json).
 */
import { describe, expect, it } from 'vitest';
import { engine, engineRun } from '../test-support/engine-run';
import { GUARD_CASES } from '../test-support/guard-cases';

describe.skipIf(!engine.available)('the 5.1 guard', () => {
  it('finds nothing in the scan script the app sends', () => {
    expect(engineRun().guard['scan-script']).toEqual([]);
  });

  // Issue 10 point 1 (function R), and what else 5.1 cannot run: the guard must catch each.
  it.each(GUARD_CASES)('$id: $why', ({ id, rules }) => {
    const found = engineRun().guard[id] ?? [];
    expect([...new Set(found.map((f) => f.rule))].sort()).toEqual([...rules].sort());
  });

  it('says why function R can never run, in words', () => {
    expect(engineRun().guard['function-r']).toContainEqual(
      expect.objectContaining({
        rule: 'function-is-alias',
        message: expect.stringContaining("'R' is a built-in alias of Invoke-History"),
      }),
    );
  });
});
