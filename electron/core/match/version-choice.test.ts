import { describe, expect, it } from 'vitest';
import type { Evidence } from '../observations';
import { buildFromRevision, chooseVersion, type VersionCandidate } from './version-choice';

const kesl: Evidence = { source: 'linux.kesl', record: 'kesl-control --app-info: Version: 12.1.0.1297' };
const dpkg: Evidence = { source: 'linux.dpkg', record: 'kesl | 12.1.0-1297 | ii' };
const name: Evidence = { source: 'windows.services', record: 'Kaspersky Anti-Virus Service 21.2' };

const product = {
  version: '12.1.0.1297',
  origin: 'product',
  evidence: kesl,
  from: { source: 'linux.kesl', field: 'Version' },
} as const;
const packaged = {
  version: '12.1.0.1297',
  origin: 'package',
  evidence: dpkg,
  from: { source: 'linux.dpkg', field: 'Version' },
  packaged: '12.1.0-1297',
} as const;
const named = (version: string, field: string, nameRank: 1 | 2 | 3): VersionCandidate => ({
  version,
  origin: 'name',
  evidence: name,
  from: { source: 'windows.services', field },
  nameRank,
});

describe('chooseVersion', () => {
  it("prefers the product's own report and says the package holds the same build", () => {
    const chosen = chooseVersion([packaged, product]);
    expect(chosen?.version).toBe('12.1.0.1297');
    expect(chosen?.from).toEqual({ source: 'linux.kesl', field: 'Version' });
    expect(chosen?.replaced).toBe(kesl);
    expect(chosen?.evidence.decoded?.['Version shown']).toMatch(
      /product’s own report.*\(Version\).*same build \(12\.1\.0-1297\)/,
    );
  });

  it('falls back to the package, then to a name, and says which', () => {
    const fromPackage = chooseVersion([named('21.2', 'DisplayName', 2), packaged]);
    expect(fromPackage?.evidence.decoded?.['Version shown']).toMatch(/package.*records it as 12\.1\.0-1297/);
    const fromName = chooseVersion([named('21.2', 'DisplayName', 2)]);
    expect(fromName?.evidence.decoded?.['Version shown']).toMatch(/read from a name .*\(DisplayName\)/);
    expect(fromName?.from).toEqual({ source: 'windows.services', field: 'DisplayName' });
    expect(chooseVersion([])).toBeNull();
  });

  it('among names, a path beats a registered name, and at equal rank the longer version wins', () => {
    expect(
      chooseVersion([named('10', 'displayName', 2), named('10 SP1', 'pathToSignedProductExe', 3)])?.from
        .field,
    ).toBe('pathToSignedProductExe');
    expect(chooseVersion([named('21.3', 'Name', 2), named('21.3.10.391', 'DisplayName', 2)])?.version).toBe(
      '21.3.10.391',
    );
  });

  it('turns a numeric package revision into the build, and nothing else', () => {
    expect(buildFromRevision('12.1.0-1297')).toBe('12.1.0.1297');
    expect(buildFromRevision('8.0.4-312')).toBe('8.0.4.312');
    expect(buildFromRevision('1:8.0.4-312')).toBe('8.0.4.312');
    expect(buildFromRevision('1.4.6+dfsg-0+deb12u1')).toBeNull();
    expect(buildFromRevision('12.1.0')).toBeNull();
  });
});
