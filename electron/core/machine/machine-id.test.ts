import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appSpecificMachineId,
  MACHINE_ID_PREFIX,
  machineIdOf,
  machineIdOfHostIdentifier,
  normaliseMachineId,
} from './machine-id';

describe('the machine id', () => {
  it('normalises the three forms the systems keep', () => {
    // machine-id(5): "a single newline-terminated, hexadecimal, 32-character, lowercase ID".
    expect(normaliseMachineId('b08dfa6083e7567a1921a715000001fb\n')).toEqual({
      ok: true,
      value: 'b08dfa6083e7567a1921a715000001fb',
    });
    // MachineGuid is a registry string in the 8-4-4-4-12 form; IOPlatformUUID is upper case.
    expect(normaliseMachineId('4c4c4544-0044-3010-8047-b4c04f4e4e31')).toEqual({
      ok: true,
      value: '4c4c4544004430108047b4c04f4e4e31',
    });
    expect(normaliseMachineId('{4C4C4544-0044-3010-8047-B4C04F4E4E31}')).toEqual({
      ok: true,
      value: '4c4c4544004430108047b4c04f4e4e31',
    });
  });

  it('refuses what is no id, saying why', () => {
    expect(normaliseMachineId('')).toEqual({ ok: false, error: 'it is empty' });
    expect(normaliseMachineId('uninitialized\n')).toMatchObject({ ok: false, error: /first boot/ });
    expect(normaliseMachineId('not-a-guid')).toMatchObject({ ok: false, error: /32 hexadecimal/ });
    expect(normaliseMachineId('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF')).toMatchObject({ ok: false });
    expect(normaliseMachineId('00000000000000000000000000000000')).toMatchObject({ ok: false });
  });

  it('shows SHA-256 of the prefix and the normalised id, cut to 128 bits, never the id itself', () => {
    const id = '4c4c4544004430108047b4c04f4e4e31';
    const expected = createHash('sha256').update(`${MACHINE_ID_PREFIX}${id}`).digest('hex').slice(0, 32);
    expect(appSpecificMachineId(id)).toBe(expected);
    expect(machineIdOf('4C4C4544-0044-3010-8047-B4C04F4E4E31')).toEqual({ ok: true, value: expected });
    expect(expected).not.toContain(id);
  });
});

describe('the machine id of an osquery import', () => {
  it('is the hashed UUID the rows were grouped under, and none for a host name', () => {
    const uuid = 'E0804F1C-1A2B-4C3D-9E8F-0A1B2C3D4E5F';
    expect(machineIdOfHostIdentifier(uuid)).toBe(appSpecificMachineId(uuid.replace(/-/g, '').toLowerCase()));
    expect(machineIdOfHostIdentifier('PC-07')).toBeNull();
    expect(machineIdOfHostIdentifier(undefined)).toBeNull();
  });
});
