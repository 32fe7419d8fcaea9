import { describe, expect, it } from 'vitest';
import type { Evidence } from '../observations';
import { buildFromRevision, chooseVersion } from './version-choice';

const kesl: Evidence = { source: 'linux.kesl', record: 'kesl-control --app-info: Version: 12.1.0.1297' };
const dpkg: Evidence = { source: 'linux.dpkg', record: 'kesl | 12.1.0-1297 | ii' };
const name: Evidence = { source: 'windows.services', record: 'Kaspersky Anti-Virus Service 21.2' };

describe('chooseVersion', () => {
  it("prefers the product's own report and says the package holds the same build", () => {
    const chosen = chooseVersion([
      { version: '12.1.0.1297', origin: 'package', evidence: dpkg, packaged: '12.1.0-1297' },
      { version: '12.1.0.1297', origin: 'product', evidence: kesl },
    ]);
    expect(chosen?.version).toBe('12.1.0.1297');
    expect(chosen?.replaced).toBe(kesl);
    expect(chosen?.evidence.decoded?.['Version shown']).toMatch(
      /product’s own report.*same build \(12\.1\.0-1297\)/,
    );
  });

  it('falls back to the package, then to a name, and says which', () => {
    const fromPackage = chooseVersion([
      { version: '21.2', origin: 'name', evidence: name },
      { version: '12.1.0.1297', origin: 'package', evidence: dpkg, packaged: '12.1.0-1297' },
    ]);
    expect(fromPackage?.evidence.decoded?.['Version shown']).toMatch(/package.*records it as 12\.1\.0-1297/);
    expect(
      chooseVersion([{ version: '21.2', origin: 'name', evidence: name }])?.evidence.decoded?.[
        'Version shown'
      ],
    ).toMatch(/read from a name/);
    expect(chooseVersion([])).toBeNull();
  });

  it('turns a numeric package revision into the build, and nothing else', () => {
    expect(buildFromRevision('12.1.0-1297')).toBe('12.1.0.1297');
    expect(buildFromRevision('8.0.4-312')).toBe('8.0.4.312');
    expect(buildFromRevision('1:8.0.4-312')).toBe('8.0.4.312');
    expect(buildFromRevision('1.4.6+dfsg-0+deb12u1')).toBeNull();
    expect(buildFromRevision('12.1.0')).toBeNull();
  });
});
