import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePlist, parseInfoPlist } from './plist-info';

const EXCERPT = readFileSync(
  resolve(
    import.meta.dirname,
    '../../../../fixtures/detection/macos-kis-bigsur-sysext-plist/sysext-Info.plist.excerpt.xml',
  ),
  'utf8',
);
const wrap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

// A binary plist written by Python's plistlib (FMT_BINARY). The values are real facts put together
// for the test: the legacy app name and daemon id [S97], a 2026 version [S92]; it is not a real file.
const BINARY =
  'YnBsaXN0MDDUAQIDBAUGBwhfEBJDRkJ1bmRsZUlkZW50aWZpZXJcQ0ZCdW5kbGVOYW1lXxAaQ0ZCdW5kbGVTaG9ydFZlcnNpb25TdHJpbmdfEA9DRkJ1bmRsZVZlcnNpb25fEBFjb20ua2FzcGVyc2t5Lmthdl8QHEthc3BlcnNreSBBbnRpLVZpcnVzIEZvciBNYWNaMjYuMC4wLjE1MFMxNTAIESYzUGJ2laAAAAAAAAABAQAAAAAAAAAJAAAAAAAAAAAAAAAAAAAApA==';

describe('parseInfoPlist', () => {
  it('reads the real sysext excerpt (NEMachServiceName) as XML, plain or base64 [S91]', () => {
    const expected = { ok: true, value: { machServiceName: '2Y8XE5CQ94.com.kaspersky.kav.sysext' } };
    expect(parseInfoPlist(wrap(EXCERPT), 'utf8')).toEqual(expected);
    expect(parseInfoPlist(base64(wrap(EXCERPT)), 'base64')).toEqual(expected);
  });

  it('reads a binary plist', () => {
    expect(parseInfoPlist(BINARY, 'base64')).toEqual({
      ok: true,
      value: { bundleId: 'com.kaspersky.kav', name: 'Kaspersky Anti-Virus For Mac', version: '26.0.0.150' },
    });
  });

  it('finds NEMachServiceName inside the NetworkExtension dictionary, and the Endpoint Security key', () => {
    const nested = wrap(
      '<key>CFBundleIdentifier</key><string>com.kaspersky.kav.sysext</string><key>NetworkExtension</key><dict><key>NEMachServiceName</key><string>2Y8XE5CQ94.com.kaspersky.kav.sysext</string></dict>',
    );
    expect(parseInfoPlist(nested, 'utf8')).toMatchObject({
      ok: true,
      value: { machServiceName: '2Y8XE5CQ94.com.kaspersky.kav.sysext' },
    });
    const es = wrap(
      '<key>NSEndpointSecurityMachServiceName</key><string>UYF535Y9QZ.com.mas0n.MacFSW.EndpointExtension.xpc</string>',
    );
    expect(parseInfoPlist(es, 'utf8')).toMatchObject({
      ok: true,
      value: { machServiceName: 'UYF535Y9QZ.com.mas0n.MacFSW.EndpointExtension.xpc' },
    });
  });

  it('refuses what is not a plist dictionary', () => {
    expect(decodePlist('', 'utf8').ok).toBe(false);
    expect(decodePlist('garbage', 'utf8').ok).toBe(false);
    expect(decodePlist(base64('<plist version="1.0"><array></array></plist>'), 'base64').ok).toBe(false);
    expect(decodePlist('%%%', 'base64').ok).toBe(false);
    expect(decodePlist(BINARY.slice(0, 40), 'base64').ok).toBe(false);
  });
});
