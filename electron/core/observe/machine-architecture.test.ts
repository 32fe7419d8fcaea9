import { describe, expect, it } from 'vitest';
import { architectureFromNode, architectureFromWindows } from './machine-architecture';

describe('machine architecture', () => {
  it.each([
    ['64-bit', 'x64'],
    ['64 bits', 'x64'],
    ['64-Bit', 'x64'],
    ['ARM 64-bit Processor', 'arm64'],
    ['32-bit', 'x86'],
    ['32 bits', 'x86'],
  ])("reads Windows' OSArchitecture %s as %s", (text, arch) => {
    expect(architectureFromWindows(text)).toBe(arch);
  });

  it('says nothing of text it cannot read', () => {
    expect(architectureFromWindows('')).toBeUndefined();
    expect(architectureFromWindows(undefined)).toBeUndefined();
    expect(architectureFromWindows('unbekannt')).toBeUndefined();
  });

  it("reads Node's os.arch()", () => {
    expect(architectureFromNode('x64')).toBe('x64');
    expect(architectureFromNode('ia32')).toBe('x86');
    expect(architectureFromNode('arm64')).toBe('arm64');
    expect(architectureFromNode('s390x')).toBeUndefined();
    expect(architectureFromNode(undefined)).toBeUndefined();
  });
});
