import { describe, expect, it } from 'vitest';
import { labelledLines, monthNumber, onOff, outputOf } from './vendor-status';

describe('vendor-status helpers', () => {
  it('reads "Label: value" and "Label   value" lines, bullets and indentation dropped', () => {
    const fields = labelledLines('Agent state      Enabled\n  - Antimalware status: On\nVersion: 1.2\n');
    expect([...fields]).toEqual([
      ['Agent state', 'Enabled'],
      ['Antimalware status', 'On'],
      ['Version', '1.2'],
    ]);
    expect(onOff('Enabled')).toBe(true);
    expect(onOff('off')).toBe(false);
    expect(onOff('maybe')).toBeNull();
    expect(monthNumber('Sept')).toBe(9);
    expect(outputOf([{ args: ['info', 'query'], stdout: 'x' }], ['info'])).toBeUndefined();
  });
});
