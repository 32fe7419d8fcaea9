/**
 * The catalog data itself: every file valid and listed, ids unique, sources present, patterns
 * compiling, every Kaspersky line present, and the key patterns matching real strings from
 * research/detection.md (and not matching other vendors).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { banSchema } from './ban-schema';
import { banFiles } from './bans/index';
import { catalogFamilySchema } from './catalog-schema';
import {
  buildCatalog,
  type CompiledPattern,
  type CompiledProduct,
  type CompiledSignatures,
  loadCatalog,
  matchAny,
} from './load-catalog';
import { productFamilyFiles } from './products/index';

const here = dirname(fileURLToPath(import.meta.url));
const jsonIn = (folder: string) =>
  readdirSync(join(here, folder))
    .filter((f) => f.endsWith('.json'))
    .sort();

const catalog = loadCatalog();
const product = (id: string): CompiledProduct => {
  const p = catalog.productsById.get(id);
  if (!p) throw new Error(`no product ${id}`);
  return p;
};
type Os = keyof CompiledSignatures;
const patterns = (sigs: CompiledSignatures, os: Os, field: string): readonly CompiledPattern[] =>
  (sigs[os] as Record<string, readonly CompiledPattern[]>)[field] ?? [];
const hit = (id: string, os: Os, field: string, value: string) =>
  matchAny(patterns(product(id).signatures, os, field), value);

/** Every product (and family components) of a vendor whose `field` matches the value. */
const whoMatches = (os: Os, field: string, value: string) =>
  catalog.products.filter((p) => matchAny(patterns(p.signatures, os, field), value)).map((p) => p.id);

const kasperskyComponents = () =>
  catalog.compiledFamilies.flatMap((f) =>
    f.vendor.id === 'kaspersky' && f.components ? [f.components] : [],
  );
const componentHit = (os: Os, field: string, value: string) =>
  kasperskyComponents().some((c) => matchAny(patterns(c, os, field), value));

describe('catalog files', () => {
  it('every product family file validates and its id is its file name', () => {
    for (const { file, data } of productFamilyFiles) {
      const r = catalogFamilySchema.safeParse(data);
      expect(r.success, `${file}: ${r.success ? '' : JSON.stringify(r.error.issues[0])}`).toBe(true);
      expect(`${(data as { id: string }).id}.json`).toBe(file);
    }
  });

  it('every ban file validates and its id is its file name', () => {
    for (const { file, data } of banFiles) {
      const r = banSchema.safeParse(data);
      expect(r.success, `${file}: ${r.success ? '' : JSON.stringify(r.error.issues[0])}`).toBe(true);
      expect(`${(data as { id: string }).id}.json`).toBe(file);
    }
  });

  it('every JSON file in products/ and bans/ is listed in its index.ts, and nothing else', () => {
    expect(productFamilyFiles.map((f) => f.file).sort()).toEqual(jsonIn('products'));
    expect(banFiles.map((f) => f.file).sort()).toEqual(jsonIn('bans'));
  });

  it('the app reads its own files without the schema and gets exactly the validated catalog', () => {
    const validated = buildCatalog(productFamilyFiles, banFiles, { validate: true });
    expect(catalog.families).toEqual(validated.families);
    expect(catalog.bans).toEqual(validated.bans);
  });

  it('product ids are unique across families', () => {
    const ids = productFamilyFiles.flatMap(({ data }) =>
      (data as { products: { id: string }[] }).products.map((p) => p.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('product names and aliases do not collide across products (a generic product names the lines it can be)', () => {
    const seen = new Map<string, string>();
    for (const p of catalog.products.filter((product) => !product.raw.generic)) {
      for (const name of new Set([p.name, ...p.aliases].map((n) => n.toLowerCase()))) {
        expect(seen.get(name), `"${name}" used by ${seen.get(name)} and ${p.id}`).toBeUndefined();
        seen.set(name, p.id);
      }
    }
  });

  it("every product's sources exist in its file, and every source has a URL, a research key or a search reference", () => {
    for (const family of catalog.compiledFamilies) {
      const ids = new Set(family.sources.map((s) => s.id));
      for (const p of family.products) {
        expect(p.raw.sources.length).toBeGreaterThan(0);
        for (const s of p.raw.sources) expect(ids.has(s), `${family.file}: ${p.id} → ${s}`).toBe(true);
      }
      for (const s of family.sources) {
        // A public file whose repository was not recorded is cited as research/detection.md does:
        // "ref N", the search index id, with words from the file that find it again.
        expect(
          Boolean(s.url) || /research\/\w+\.md/.test(s.title) || /\bref \d{6,}\b/.test(s.title),
          `${family.file}: source ${s.id}`,
        ).toBe(true);
      }
    }
  });

  it('every pattern compiles, anchored and case-insensitive', () => {
    let count = 0;
    const all = catalog.compiledFamilies.flatMap((f) => [
      ...f.products.map((p) => p.signatures),
      ...(f.components ? [f.components] : []),
    ]);
    for (const sigs of all) {
      for (const os of ['windows', 'macos', 'linux'] as const) {
        for (const list of Object.values(sigs[os]) as CompiledPattern[][]) {
          for (const p of list) {
            expect(p.regex.flags).toContain('i');
            expect(p.regex.source.startsWith('^(?:')).toBe(true);
            count++;
          }
        }
      }
    }
    expect(count).toBeGreaterThan(150);
  });

  it('only Microsoft Defender is built in; every Kaspersky family has vendor id kaspersky', () => {
    expect(catalog.products.filter((p) => p.builtIn).map((p) => p.id)).toEqual([
      'microsoft-defender-antivirus',
    ]);
    const kFamilies = catalog.families.filter((f) => f.id.startsWith('kaspersky-'));
    expect(kFamilies.map((f) => f.id).sort()).toEqual([
      'kaspersky-business',
      'kaspersky-companion-apps',
      'kaspersky-consumer-mac',
      'kaspersky-consumer-windows',
      'kaspersky-linux',
    ]);
    for (const f of kFamilies) expect(f.vendor.id).toBe('kaspersky');
    expect(catalog.families.filter((f) => f.vendor.id === 'kaspersky').length).toBe(kFamilies.length);
  });
});

describe('Kaspersky lines present', () => {
  const names = (p: CompiledProduct) => [p.id, p.name, ...p.aliases].map((n) => n.toLowerCase());
  const find = (name: string) =>
    catalog.products.find((p) => p.vendor.id === 'kaspersky' && names(p).includes(name.toLowerCase()));

  it.each([
    'Kaspersky Anti-Virus',
    'Kaspersky Internet Security',
    'Kaspersky Total Security',
    'Kaspersky Security Cloud',
    'Kaspersky Free',
    'Kaspersky Standard',
    'Kaspersky Plus',
    'Kaspersky Premium',
    'Kaspersky Small Office Security',
    'Kaspersky VPN Secure Connection',
    'Kaspersky Password Manager',
    'Kaspersky Safe Kids',
    'Kaspersky Endpoint Security for Windows',
    'Kaspersky Endpoint Security 10 for Windows SP1',
    'Kaspersky Endpoint Security 10 for Windows (SP1)',
    'Kaspersky Endpoint Security 10 für Windows',
    'Kaspersky Endpoint Security 10 для Windows',
    'Kaspersky Endpoint Security для Windows',
    'Kaspersky Security 11.0.1 for Windows Server',
    'Kaspersky Anti-Virus 8.0 For Windows Servers Enterprise Edition',
    'Kaspersky Endpoint Security for Mac',
    'Kaspersky Security Center Network Agent',
    'Kaspersky Endpoint Security for Linux',
    'Kaspersky Endpoint Security 10 SP1 for Linux',
    'kav4fs',
    'Kaspersky Internet Security for Mac',
    'Kaspersky Internet Security (Mac)',
    'Kaspersky Anti-Virus for Mac',
    'Kaspersky for Mac',
    'kaspersky-consumer-21',
  ])('%s', (name) => {
    expect(find(name), name).toBeDefined();
  });

  it('publisher strings include both forms of the Russian one', () => {
    for (const f of catalog.families.filter((x) => x.vendor.id === 'kaspersky')) {
      expect(f.vendor.publishers).toEqual(
        expect.arrayContaining([
          'Kaspersky Lab',
          '"Лаборатория Касперского"',
          'Лаборатория Касперского',
          'Kaspersky',
          'AO Kaspersky Lab',
        ]),
      );
    }
  });
});

describe('Kaspersky patterns against real strings (research/detection.md)', () => {
  const ktsPath = '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\avp.exe" -r';

  it('KTS 21.2 service PathName → Total Security 21.2, and nothing else more specific', () => {
    expect(hit('kaspersky-total-security', 'windows', 'servicePath', ktsPath)).toMatchObject({
      version: '21.2',
    });
    expect(whoMatches('windows', 'servicePath', ktsPath)).toEqual(['kaspersky-total-security']);
    expect(
      hit(
        'kaspersky-total-security',
        'windows',
        'servicePath',
        '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.2\\x64\\vssbridge64.exe"',
      ),
    ).toMatchObject({ version: '21.2' });
  });

  it('the shared service display name goes to the generic 21.x product with its version', () => {
    expect(whoMatches('windows', 'serviceDisplayName', 'Kaspersky Anti-Virus Service 21.2')).toEqual([
      'kaspersky-consumer-21',
    ]);
    expect(
      hit('kaspersky-consumer-21', 'windows', 'serviceDisplayName', 'Kaspersky Anti-Virus Service 21.2'),
    ).toMatchObject({
      version: '21.2',
    });
    expect(hit('kaspersky-consumer-21', 'windows', 'service', 'AVP20.0.0')).toMatchObject({
      version: '20.0.0',
    });
    expect(hit('kaspersky-consumer-21', 'windows', 'process', 'AVP.EXE')).toBeDefined();
  });

  it.each([
    [
      'kaspersky-anti-virus',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Anti-Virus 21.3\\avp.com',
      '21.3',
    ],
    [
      'kaspersky-internet-security',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Internet Security 19.0.0',
      '19.0.0',
    ],
    [
      'kaspersky-total-security',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security 21.3\\avp.com',
      '21.3',
    ],
    [
      'kaspersky-security-cloud',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Security Cloud 21.2\\avpui.exe',
      '21.2',
    ],
    ['kaspersky-free', 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Free 19.0.0\\', '19.0.0'],
    ['kaspersky-unified', 'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky 21.25\\avpui.exe', '21.25'],
    [
      'kaspersky-vpn-secure-connection',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky VPN 5.21\\ksdeui.exe',
      '5.21',
    ],
    [
      'kaspersky-endpoint-security-windows',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security for Windows\\avp.exe',
      null,
    ],
    [
      'kaspersky-security-windows-server',
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Anti-Virus 8.0 For Windows Servers Enterprise Edition\\kavshell.exe',
      '8.0',
    ],
    ['kaspersky-network-agent', 'C:\\Program Files (x86)\\Kaspersky Lab\\NetworkAgent\\klnagchk.exe', null],
  ])('install path → %s (only)', (id, path, version) => {
    expect(hit(id, 'windows', 'path', path)).toMatchObject({ version });
    expect(whoMatches('windows', 'path', path)).toEqual([id]);
  });

  it('VPN service display name and PathName', () => {
    expect(
      hit(
        'kaspersky-vpn-secure-connection',
        'windows',
        'serviceDisplayName',
        'Kaspersky VPN Secure Connection Service 5.2',
      ),
    ).toMatchObject({ version: '5.2' });
    expect(
      whoMatches(
        'windows',
        'servicePath',
        '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky VPN 5.2\\ksde.exe" -r',
      ),
    ).toEqual(['kaspersky-vpn-secure-connection']);
    expect(whoMatches('windows', 'process', 'kpm.exe')).toEqual(['kaspersky-password-manager']);
  });

  it.each([
    'Kaspersky Endpoint Security 10 für Windows',
    'Kaspersky Endpoint Security 10 для Windows',
    'Kaspersky Endpoint Security для Windows',
    'Kaspersky Endpoint Security 10 for Windows',
    'Kaspersky Endpoint Security for Windows',
  ])('KES name "%s" → KES for Windows', (name) => {
    expect(whoMatches('windows', 'wscDisplayName', name)).toEqual(['kaspersky-endpoint-security-windows']);
    expect(whoMatches('windows', 'uninstallName', name)).toEqual(['kaspersky-endpoint-security-windows']);
  });

  it('KES 10 SP1 WSC exe (wmiav.exe) → KES, with version "10 SP1" from the folder', () => {
    const exe =
      'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Endpoint Security 10 for Windows SP1\\wmiav.exe';
    expect(hit('kaspersky-endpoint-security-windows', 'windows', 'wscExe', exe)).toBeDefined();
    expect(hit('kaspersky-endpoint-security-windows', 'windows', 'path', exe)).toMatchObject({
      version: '10 SP1',
    });
    // The generic product also knows wmiav.exe, with a shorter (less specific) pattern.
    const generic = hit('kaspersky-consumer-21', 'windows', 'wscExe', exe);
    const kes = hit('kaspersky-endpoint-security-windows', 'windows', 'wscExe', exe);
    expect(generic && kes && kes.pattern.source.length > generic.pattern.source.length).toBe(true);
  });

  it('Windows Server names and service', () => {
    expect(whoMatches('windows', 'uninstallName', 'Kaspersky Security 11.0.1 for Windows Server')).toEqual([
      'kaspersky-security-windows-server',
    ]);
    expect(
      whoMatches(
        'windows',
        'uninstallName',
        'Kaspersky Anti-Virus 8.0 For Windows Servers Enterprise Edition',
      ),
    ).toEqual(['kaspersky-security-windows-server']);
    expect(whoMatches('windows', 'service', 'Kavfs')).toEqual(['kaspersky-security-windows-server']);
    expect(whoMatches('windows', 'process', 'kavfs.exe')).toEqual(['kaspersky-security-windows-server']);
  });

  it('Network Agent on Windows, Linux and macOS', () => {
    expect(whoMatches('windows', 'uninstallName', 'Kaspersky Security Center Network Agent')).toEqual([
      'kaspersky-network-agent',
    ]);
    expect(whoMatches('windows', 'service', 'klnagent')).toEqual(['kaspersky-network-agent']);
    expect(whoMatches('linux', 'package', 'klnagent64')).toEqual(['kaspersky-network-agent']);
    expect(whoMatches('linux', 'path', '/opt/kaspersky/klnagent64/bin/klnagchk')).toEqual([
      'kaspersky-network-agent',
    ]);
    expect(whoMatches('linux', 'systemdUnit', 'klnagent64.service')).toEqual(['kaspersky-network-agent']);
    expect(
      whoMatches(
        'macos',
        'path',
        '/Library/Application Support/Kaspersky Lab/klnagent/Data/1103/1.0.0.0/Statistics/AVState/x',
      ),
    ).toEqual(['kaspersky-network-agent']);
  });

  it('KESL and kav4fs on Linux', () => {
    for (const pkg of ['kesl', 'kesl-gui'])
      expect(whoMatches('linux', 'package', pkg)).toEqual(['kaspersky-endpoint-security-linux']);
    expect(whoMatches('linux', 'systemdUnit', 'kesl.service')).toEqual(['kaspersky-endpoint-security-linux']);
    expect(whoMatches('linux', 'systemdUnit', 'kesl-supervisor')).toEqual([
      'kaspersky-endpoint-security-linux',
    ]);
    expect(whoMatches('linux', 'path', '/opt/kaspersky/kesl/bin/kesl-control')).toEqual([
      'kaspersky-endpoint-security-linux',
    ]);
    expect(whoMatches('linux', 'package', 'kav4fs')).toEqual(['kaspersky-anti-virus-linux-file-server']);
    expect(whoMatches('linux', 'path', '/opt/kaspersky/kav4fs/bin/kav4fs-control')).toEqual([
      'kaspersky-anti-virus-linux-file-server',
    ]);
    // kesl must not swallow kesl11 (unverified name) or other packages.
    expect(whoMatches('linux', 'package', 'keslx')).toEqual([]);
    expect(componentHit('linux', 'path', '/etc/kaspersky/kesl.ini')).toBe(true);
  });

  it('macOS: system extension, agent, daemon, receipts and apps', () => {
    expect(whoMatches('macos', 'systemExtension', 'com.kaspersky.kav.sysext')).toEqual([
      'kaspersky-mac-security',
    ]);
    expect(whoMatches('macos', 'systemExtension', '2Y8XE5CQ94.com.kaspersky.kav.sysext')).toEqual([
      'kaspersky-mac-security',
    ]);
    expect(whoMatches('macos', 'bundleId', 'com.kaspersky.kav_agent')).toEqual(['kaspersky-mac-security']);
    expect(whoMatches('macos', 'launchdLabel', 'com.kaspersky.kav')).toEqual(['kaspersky-mac-security']);
    expect(whoMatches('macos', 'pkgId', 'com.kaspersky.kav.core')).toEqual(['kaspersky-mac-security']);
    expect(whoMatches('macos', 'appName', 'Kaspersky Internet Security')).toEqual([
      'kaspersky-internet-security-mac',
    ]);
    expect(whoMatches('macos', 'appName', 'Kaspersky Anti-Virus For Mac')).toEqual([
      'kaspersky-anti-virus-mac',
    ]);
    expect(whoMatches('macos', 'appName', 'Kaspersky')).toEqual(['kaspersky-for-mac']);
    expect(whoMatches('macos', 'path', '/Applications/Kaspersky Anti-Virus For Mac.app')).toEqual([
      'kaspersky-anti-virus-mac',
    ]);
    expect(componentHit('macos', 'bundleId', 'com.kaspersky.kext.klif')).toBe(true);
  });

  it('publisher "Лаборатория Касперского" (with and without quotes) and other forms', () => {
    const kes = product('kaspersky-endpoint-security-windows');
    for (const v of [
      '"Лаборатория Касперского"',
      'Лаборатория Касперского',
      'Kaspersky Lab',
      'AO Kaspersky Lab',
      'kaspersky',
    ]) {
      expect(matchAny(kes.signatures.windows.publisher, v), v).toBeDefined();
      expect(componentHit('windows', 'publisher', v), v).toBe(true);
    }
    expect(matchAny(kes.signatures.windows.publisher, 'Bitdefender')).toBeUndefined();
  });

  it('vendor components: drivers, leftovers, data folders, registry roots', () => {
    for (const d of [
      'klif',
      'klif.sys',
      'klflt',
      'klhk.sys',
      'klids',
      'klim6.sys',
      'kldisk.sys',
      'klupd_klif_arkmon.sys',
      'klids.K4W-21-25',
    ]) {
      expect(componentHit('windows', 'driver', d), d).toBe(true);
    }
    expect(
      componentHit(
        'windows',
        'servicePath',
        '\\??\\C:\\ProgramData\\Kaspersky Lab\\AVP21.25\\Bases\\klids.sys',
      ),
    ).toBe(true);
    expect(componentHit('windows', 'path', 'C:\\ProgramData\\Kaspersky Lab\\AVP21.3\\Data')).toBe(true);
    expect(componentHit('windows', 'path', 'HKCU\\Software\\KasperskyLab\\AVP21.25')).toBe(true);
    expect(
      componentHit('windows', 'path', 'HKLM\\SOFTWARE\\WOW6432Node\\KasperskyLab\\AVP21.3\\settings'),
    ).toBe(true);
    // Components are not products: the drivers match no product.
    expect(whoMatches('windows', 'driver', 'klif.sys')).toEqual([]);
  });
});

describe('negative examples', () => {
  const kasperskyIds = new Set(catalog.products.filter((p) => p.vendor.id === 'kaspersky').map((p) => p.id));
  const noKaspersky = (os: Os, field: string, value: string) => {
    expect(
      whoMatches(os, field, value).filter((id) => kasperskyIds.has(id)),
      value,
    ).toEqual([]);
    expect(componentHit(os, field, value), value).toBe(false);
  };

  it('Bitdefender, Defender and other vendors do not match Kaspersky', () => {
    for (const f of ['path', 'processPath', 'servicePath', 'wscExe']) {
      noKaspersky('windows', f, 'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wscfix.exe');
      noKaspersky('windows', f, '%ProgramFiles%\\Windows Defender\\MsMpeng.exe');
      noKaspersky('windows', f, 'C:\\Program Files\\SentinelOne\\Sentinel Agent 4.1.4.82\\SentinelAgent.exe');
    }
    for (const f of ['wscDisplayName', 'uninstallName']) {
      noKaspersky('windows', f, 'Bitdefender Antivirus');
      noKaspersky('windows', f, 'Windows Defender');
      noKaspersky('windows', f, 'UltraAV');
    }
    noKaspersky('windows', 'process', 'MsMpEng.exe');
    noKaspersky('linux', 'package', 'clamav');
    noKaspersky('macos', 'systemExtension', 'com.sophos.endpoint.networkextension');
  });

  it('whole-value anchoring: fragments and look-alikes do not match', () => {
    expect(whoMatches('windows', 'process', 'xavp.exe')).toEqual([]);
    expect(whoMatches('windows', 'process', 'avp.exe.bak')).toEqual([]);
    expect(whoMatches('windows', 'uninstallName', 'Kaspersky Anti-Virus Service 21.2')).toEqual([]);
    expect(
      whoMatches('windows', 'uninstallName', 'Kaspersky Endpoint Security 10 for Windows Server'),
    ).toEqual([]);
    // The server product's folder is not a consumer Anti-Virus folder.
    expect(
      hit(
        'kaspersky-anti-virus',
        'windows',
        'path',
        'C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Anti-Virus 8.0 For Windows Servers Enterprise Edition\\kavshell.exe',
      ),
    ).toBeUndefined();
  });
});

describe('other vendors against real strings', () => {
  it.each([
    ['wscDisplayName', 'Bitdefender Antivirus', 'bitdefender-consumer'],
    [
      'wscExe',
      'C:\\Program Files\\Bitdefender\\Bitdefender Security\\wsccommunicator.exe',
      'bitdefender-consumer',
    ],
    ['wscDisplayName', 'Windows Defender', 'microsoft-defender-antivirus'],
    ['wscExe', 'windowsdefender://', 'microsoft-defender-antivirus'],
    ['wscExe', '%ProgramFiles%\\Windows Defender\\MSASCui.exe', 'microsoft-defender-antivirus'],
    ['service', 'WinDefend', 'microsoft-defender-antivirus'],
    ['process', 'MsMpEng.exe', 'microsoft-defender-antivirus'],
    ['wscDisplayName', 'Microsoft Security Essentials', 'microsoft-security-essentials'],
    ['wscExe', 'C:\\Program Files\\Microsoft Security Client\\msseces.exe', 'microsoft-security-essentials'],
    ['wscDisplayName', 'Trend Micro Antivirus+', 'trend-micro-consumer'],
    ['wscExe', 'C:\\Program Files\\Trend Micro\\Titanium\\TmWscSvc\\wschandler.exe', 'trend-micro-consumer'],
    ['wscDisplayName', 'Sophos Home', 'sophos-home'],
    ['wscExe', 'C:\\Program Files (x86)\\Sophos\\Sophos Anti-Virus\\WSCClient.exe', 'sophos-home'],
    ['wscDisplayName', 'Sentinel Agent', 'sentinelone-agent'],
    ['wscDisplayName', '火绒安全软件', 'huorong-security'],
    ['wscExe', 'D:\\Sysdiag\\Huorong\\Sysdiag\\bin\\wsctrlsvc.exe', 'huorong-security'],
    ['wscDisplayName', 'CylancePROTECT', 'cylanceprotect'],
    ['wscDisplayName', 'F-Secure Client Security 12.00', 'f-secure-client-security'],
    ['wscDisplayName', 'Symantec Endpoint Protection', 'symantec-endpoint-protection'],
    ['wscDisplayName', 'UltraAV', 'ultraav'],
    ['uninstallName', 'CrowdStrike Sensor Platform', 'crowdstrike-falcon'],
    ['process', 'ekrn.exe', 'eset-security'],
  ])('%s "%s" → %s', (field, value, id) => {
    expect(whoMatches('windows', field, value)).toEqual([id]);
  });

  it('SentinelOne version from the install path', () => {
    expect(
      hit(
        'sentinelone-agent',
        'windows',
        'wscExe',
        'C:\\Program Files\\SentinelOne\\Sentinel Agent 4.1.4.82\\SentinelAgent.exe',
      ),
    ).toMatchObject({ version: '4.1.4.82' });
  });

  it('ClamAV packages, units and processes', () => {
    for (const v of ['clamav', 'clamav-daemon', 'clamav-freshclam'])
      expect(whoMatches('linux', 'package', v)).toEqual(['clamav']);
    for (const v of ['clamav-daemon.service', 'clamav-clamonacc.service', 'clamav-freshclam.service'])
      expect(whoMatches('linux', 'systemdUnit', v)).toEqual(['clamav']);
    for (const v of ['clamd', 'clamonacc', 'freshclam'])
      expect(whoMatches('linux', 'process', v)).toEqual(['clamav']);
  });

  // Strings as the sources cite them (each family file's `sources`): paths and units from
  // vendors' scripts and docs, system extension ids from systemextensionsctl, package names.
  it.each([
    ['package', 'mdatp', 'microsoft-defender-endpoint'],
    ['systemdUnit', 'mdatp.service', 'microsoft-defender-endpoint'],
    ['path', '/opt/microsoft/mdatp/sbin/wdavdaemon', 'microsoft-defender-endpoint'],
    ['package', 'sentinelagent', 'sentinelone-agent'],
    ['systemdUnit', 'sentinelone.service', 'sentinelone-agent'],
    ['path', '/opt/sentinelone/bin/sentinelctl', 'sentinelone-agent'],
    ['systemdUnit', 'traps_pmd.service', 'cortex-xdr'],
    ['path', '/opt/traps/bin/pmd', 'cortex-xdr'],
    ['package', 'eea', 'eset-endpoint-antivirus-linux'],
    ['systemdUnit', 'eea.service', 'eset-endpoint-antivirus-linux'],
    ['path', '/opt/eset/efs/sbin/lic', 'eset-server-security-linux'],
    ['systemdUnit', 'eraagent.service', 'eset-management-agent'],
    ['systemdUnit', 'bdsec-daemon.service', 'bitdefender-endpoint-security-tools'],
    ['path', '/opt/bitdefender-security-tools/bin/bdsecd', 'bitdefender-endpoint-security-tools'],
    ['systemdUnit', 'ds_agent.service', 'trend-micro-deep-security-agent'],
    ['systemdUnit', 'splx.service', 'trend-micro-serverprotect-linux'],
    ['systemdUnit', 'f-secure-linuxsecurity-scand.service', 'withsecure-elements-linux'],
    ['path', '/opt/f-secure/linuxsecurity/bin/activate', 'withsecure-elements-linux'],
    ['systemdUnit', 'drweb-configd.service', 'drweb-linux'],
    ['path', '/opt/drweb.com/bin/drweb-ctl', 'drweb-linux'],
    ['systemdUnit', 'mfetpd.service', 'trellix-endpoint-security'],
    ['path', '/opt/isec/ens/threatprevention/bin/isecav', 'trellix-endpoint-security'],
    ['systemdUnit', 'cma.service', 'trellix-agent'],
    ['path', '/opt/Symantec/symantec_antivirus/sav', 'symantec-endpoint-protection'],
    ['systemdUnit', 'sav-protect.service', 'sophos-anti-virus-linux'],
    ['path', '/opt/sophos-av/bin/savdstatus', 'sophos-anti-virus-linux'],
    ['systemdUnit', 'sophos-spl.service', 'sophos-protection-linux'],
    ['package', 'falcon-sensor', 'crowdstrike-falcon'],
  ])('Linux %s "%s" → %s', (field, value, id) => {
    expect(whoMatches('linux', field, value)).toEqual([id]);
  });

  it.each([
    ['bundleId', 'com.microsoft.wdav', 'microsoft-defender-endpoint'],
    ['systemExtension', 'com.microsoft.wdav.epsext', 'microsoft-defender-endpoint'],
    ['launchdLabel', 'com.microsoft.fresno', 'microsoft-defender-endpoint'],
    ['systemExtension', 'com.crowdstrike.falcon.Agent', 'crowdstrike-falcon'],
    ['path', '/Library/CS/falconctl', 'crowdstrike-falcon'],
    ['systemExtension', 'com.sentinelone.network-monitoring', 'sentinelone-agent'],
    ['path', '/Library/Sentinel/sentinel-agent.bundle', 'sentinelone-agent'],
    ['systemExtension', 'com.sophos.endpoint.scanextension', 'sophos-endpoint'],
    ['path', '/Applications/Sophos/Sophos Endpoint.app', 'sophos-endpoint'],
    ['path', '/Library/Application Support/PaloAltoNetworks/Traps/bin/cytool', 'cortex-xdr'],
    ['appName', 'ESET Endpoint Security', 'eset-endpoint-security-mac'],
    ['launchdLabel', 'com.eset.protection', 'eset-endpoint-security-mac'],
    ['systemExtension', 'com.bitdefender.FileProtect', 'bitdefender-endpoint-security-tools'],
    ['path', '/usr/local/bin/wsav', 'withsecure-client-security-mac'],
  ])('macOS %s "%s" → %s', (field, value, id) => {
    expect(whoMatches('macos', field, value)).toEqual([id]);
  });

  it("other vendors' patterns do not take look-alikes", () => {
    expect(whoMatches('linux', 'package', 'mdatp-netfilter')).toEqual([]);
    expect(whoMatches('linux', 'systemdUnit', 'cma-helper.service')).toEqual([]);
    expect(whoMatches('linux', 'systemdUnit', 'sav-protect-helper.service')).toEqual([]);
    expect(whoMatches('macos', 'bundleId', 'com.microsoft.wdav.tray')).toEqual([]);
    expect(whoMatches('macos', 'systemExtension', 'com.crowdstrike.falcon.Agent.extra')).toEqual([]);
    expect(whoMatches('linux', 'path', '/opt/traps-backup/bin/pmd')).toEqual([]);
  });

  it('browsers bundled by Avast/AVG are not antivirus', () => {
    expect(whoMatches('windows', 'uninstallName', 'Avast Secure Browser')).toEqual([]);
    expect(whoMatches('windows', 'uninstallName', 'AVG Secure Browser')).toEqual([]);
  });
});

describe('bans', () => {
  const ban = (id: string) => {
    const b = catalog.bans.find((x) => x.id === id);
    if (!b) throw new Error(`no ban ${id}`);
    return b;
  };

  it('all expected actions are present', () => {
    expect(catalog.bans.map((b) => b.id).sort()).toEqual([
      'au-pspf-002-2025',
      'ca-gov-mobile',
      'de-bsi-warning',
      'it-decree-ucraina-art29',
      'lt-gov-ban',
      'nl-gov-phaseout',
      'uk-ncsc-guidance',
      'us-bis-icts-2024',
      'us-dhs-bod-17-01',
      'us-fcc-covered-list',
      'us-ndaa-fy18-1634',
    ]);
  });

  it('dates are valid calendar dates and instants', () => {
    for (const b of catalog.bans) {
      const [y = 0, m = 1, d] = b.issued.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d ?? 1));
      expect(date.getUTCMonth() + 1, b.id).toBe(m);
      if (d !== undefined) expect(date.getUTCDate(), b.id).toBe(d);
      expect(y >= 2017 && y <= 2026, b.id).toBe(true);
      for (const ms of b.milestones) expect(Number.isNaN(Date.parse(ms.at)), `${b.id} ${ms.at}`).toBe(false);
      expect(b.vendors).toEqual(['kaspersky']);
    }
  });

  it('every ban vendor is a catalog vendor', () => {
    const vendors = new Set(catalog.families.map((f) => f.vendor.id));
    for (const b of catalog.bans) for (const v of b.vendors) expect(vendors.has(v)).toBe(true);
  });

  it('the US no-updates milestone is exactly 2024-09-29T04:00:00Z, shown as 29 September 2024', () => {
    const us = ban('us-bis-icts-2024');
    const cutoff = us.milestones.find((m) => m.effect === 'no-updates');
    const sales = us.milestones.find((m) => m.effect === 'no-new-sales');
    if (!cutoff || !sales) throw new Error('US milestones missing');
    expect(cutoff.at).toBe('2024-09-29T04:00:00Z');
    expect(new Date(cutoff.at).toISOString()).toBe('2024-09-29T04:00:00.000Z');
    expect(cutoff?.display).toBe('29 September 2024');
    expect(cutoff?.note).toMatch(/September 30/);
    expect(sales.at.startsWith('2024-07-20')).toBe(true);
    expect(us).toMatchObject({ binding: true, legalToKeepUsing: true, scope: ['consumers', 'businesses'] });
    expect(new Date(sales.at) < new Date(cutoff.at)).toBe(true);
  });

  it('only the US BIS action stops updates; warnings are not binding', () => {
    expect(
      catalog.bans.filter((b) => b.milestones.some((m) => m.effect === 'no-updates')).map((b) => b.id),
    ).toEqual(['us-bis-icts-2024']);
    expect(ban('de-bsi-warning')).toMatchObject({
      binding: false,
      scope: ['consumers', 'businesses', 'government'],
    });
    expect(ban('uk-ncsc-guidance').binding).toBe(false);
    expect(ban('uk-ncsc-guidance').jurisdiction).toBe('GB');
  });
});
