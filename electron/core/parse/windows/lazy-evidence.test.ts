import { describe, expect, it } from 'vitest';
import { evidenceRecord, lazyEvidence } from './convert-to-json-values';

describe('lazyEvidence', () => {
  const record = { Name: 'AVP', DisplayName: 'Kaspersky Anti-Virus Service', State: 'Running' };

  it('prints the record as evidenceRecord does, once, when it is read', () => {
    const evidence = lazyEvidence('windows.services', record, { state: 'running' });
    expect(evidence.record).toBe(evidenceRecord(record));
    expect(evidence.record).toBe(evidence.record);
    expect(evidence.decoded).toEqual({ state: 'running' });
  });

  it('is written by JSON.stringify, copied by a spread and cloned with its record as a value', () => {
    const evidence = lazyEvidence('windows.services', record);
    const expected = { source: 'windows.services', record: evidenceRecord(record) };
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(expected);
    expect({ ...evidence }).toEqual(expected);
    expect(Object.getOwnPropertyDescriptor({ ...evidence }, 'record')?.value).toBe(expected.record);
    expect(structuredClone(evidence)).toEqual(expected);
    expect('decoded' in evidence).toBe(false);
  });
});
