/**
 * Every parser, on random and mutated real input (electron/probes/replay/test-support/fuzz-inputs.ts): none may throw;
 * each returns a value or an error value (a Result, a date reading, or its documented null).
 * A file people send, or a probe that prints garbage, must become "could not read X because Y",
 * never an exception that ends the scan (issue 11, section 4).
 *
 * The table below must name every function the parse folder exports (the last test checks), so
 * a new parser is fuzzed from the day it is written. `npm test` gives each property FUZZ_RUNS
 * inputs (500); `npm run fuzz` gives many more (README).
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesInput,
  FUZZ_TIMEOUT_MS,
  fuzzParameters,
  hostileJson,
  hostileNumber,
  type RealSamples,
  realSamples,
  sectionInput,
  statusOutputs,
  textInput,
} from '../../probes/replay/test-support/fuzz-inputs';
import { readCimDatetime } from './dates/cim-datetime';
import { readFiletime, readFiletimeHex } from './dates/filetime';
import { readNagentDate } from './dates/kaspersky-nagent-date';
import { readLocaleDateTime } from './dates/locale-datetime';
import { readMsJsonDate } from './dates/ms-json-date';
import { readRfc1123Date } from './dates/rfc1123-date';
import { readUnixSecondsDword } from './dates/unix-seconds';
import { isoFromBduitoolTime, parseBduitool } from './linux/bduitool';
import { isClamavDatabaseFile, parseClamavDbHeader } from './linux/clamav-db-header';
import { parseClamscanVersion } from './linux/clamscan-version';
import { firstField, parseColonFields } from './linux/colon-fields';
import { parseDpkgQuery } from './linux/dpkg-query';
import { isoFromDrwebTime, parseDrwebCtl } from './linux/drweb-ctl';
import { parseFreshclamLog } from './linux/freshclam-log';
import { parseKav4fsUpdateStat } from './linux/kav4fs-update-stat';
import { parseKeslAppInfo } from './linux/kesl-app-info';
import { parseKlnagentAvState } from './linux/klnagent-avstate';
import { parseOsRelease, parseSwVers } from './linux/os-info';
import { upstreamVersion } from './linux/package-version';
import {
  isoFromClamavBuildTime,
  isoFromCtime,
  isoFromNagentDate,
  isoFromPrintedDateTime,
} from './linux/printed-dates';
import { parseProcessList } from './linux/process-list';
import { parseRpmQuery } from './linux/rpm-query';
import { parseSavdstatus } from './linux/savdstatus';
import { isSystemdNotRunning, parseSystemdShow } from './linux/systemd-show';
import { appPathsOf, isReadableAppPath, windowsGuestShim } from './macos/app-paths';
import { parseBinaryPlist } from './macos/binary-plist';
import { parseIoregPlatformUuid } from './macos/ioreg-platform-uuid';
import { launchdJobs } from './macos/launchd-listing';
import { parsePkgutilPkgs } from './macos/pkgutil-pkgs';
import { decodePlist, infoFromPlist, parseInfoPlist } from './macos/plist-info';
import { parseSysextPlist, splitMachServiceName, sysextIdentity } from './macos/sysext-plist';
import { parseSystemExtensionsList } from './macos/systemextensionsctl';
import { parseWsavVersion } from './macos/wsav-version';
import { parseCytool } from './unix/cytool';
import { esetRealtimeFromSettings, parseEsetTools } from './unix/eset-tools';
import { parseFalconctl } from './unix/falconctl';
import { parseMdatpHealth } from './unix/mdatp-health';
import { parseSentinelctl } from './unix/sentinelctl';
import { labelledLines, monthNumber, onOff, outputOf } from './unix/vendor-status';
import {
  asList,
  evidenceRecord,
  fieldReader,
  isRecord,
  readDateValue,
} from './windows/convert-to-json-values';
import { parseKasperskyRegistry } from './windows/kaspersky-registry';
import { hasMachineGuid, parseMachineGuid } from './windows/machine-guid';
import { parseMpComputerStatus } from './windows/mp-computer-status';
import { parseOs, parseRegion } from './windows/os-region';
import { parsePendingRestart } from './windows/pending-restart';
import { parseProcesses } from './windows/processes';
import { formatScanDocument, nonFinitePath, parseScanDocument } from './windows/scan-document';
import { parseServices } from './windows/services-drivers';
import {
  parseInstallerProducts,
  parseUninstallEntries,
  productCodeFromCommand,
  productCodeFromPackedGuid,
  stripQuotes,
} from './windows/uninstall-entries';
import { decodeProductState, describeProductState } from './windows/wsc-product-state';
import { parseWscProducts } from './windows/wsc-products';

type Returns = 'result' | 'reading' | 'reading-or-null' | 'value';

interface Fuzzed {
  readonly input: (s: RealSamples) => fc.Arbitrary<readonly unknown[]>;
  readonly run: (...args: never[]) => unknown;
  readonly returns: Returns;
}

// biome-ignore lint/suspicious/noExplicitAny: the table calls each parser with its own arguments.
const call = (run: (...args: any[]) => unknown) => run as (...args: never[]) => unknown;
const one = <T>(arbitrary: fc.Arbitrary<T>) => arbitrary.map((value) => [value] as const);
const text = (s: RealSamples) => textInput(s.texts);
const mutatedTextOf = (s: RealSamples) => fc.oneof(fc.constant(''), text(s));
const textOnly = (run: (text: string) => unknown, returns: Returns): Fuzzed => ({
  input: (s) => one(text(s)),
  run: call(run),
  returns,
});
const section = (name: string, run: (data: unknown) => unknown): Fuzzed => ({
  input: (s) => one(sectionInput(s, name)),
  run: call(run),
  returns: 'result',
});
const outputs = (run: (outputs: never) => unknown): Fuzzed => ({
  input: (s) => one(statusOutputs(s)),
  run: call(run),
  returns: 'result',
});
const culture = fc.constantFrom(undefined, 'en-US', 'de-DE', 'ru-RU', 'kk-KZ', 'xx', '');
const plistBytes = (s: RealSamples) =>
  bytesInput([
    Uint8Array.from(
      Buffer.from(
        'YnBsaXN0MDDUAQIDBAUGBwhfEBJDRkJ1bmRsZUlkZW50aWZpZXJcQ0ZCdW5kbGVOYW1lXxAaQ0ZCdW5kbGVTaG9ydFZlcnNpb25TdHJpbmdfEA9DRkJ1bmRsZVZlcnNpb25fEBFjb20ua2FzcGVyc2t5Lmthdl8QHEthc3BlcnNreSBBbnRpLVZpcnVzIEZvciBNYWNaMjYuMC4wLjE1MFMxNTAIESYzUGJ2laAAAAAAAAABAQAAAAAAAAAJAAAAAAAAAAAAAAAAAAAApA==',
        'base64',
      ),
    ),
    ...s.texts.filter((t) => t.includes('<plist')).map((t) => new TextEncoder().encode(t)),
  ]);
const plistContent = (s: RealSamples) =>
  fc.oneof(
    fc.tuple(text(s), fc.constant('utf8' as const)),
    fc.tuple(
      plistBytes(s).map((b) => Buffer.from(b).toString('base64')),
      fc.constant('base64' as const),
    ),
    fc.tuple(text(s), fc.constant('base64' as const)),
  );

/** Every function exported by electron/core/parse, by "file#name". */
const FUZZED: Readonly<Record<string, Fuzzed>> = {
  'dates/cim-datetime.ts#readCimDatetime': textOnly(readCimDatetime, 'reading-or-null'),
  'dates/filetime.ts#readFiletime': {
    input: () => one(fc.oneof(hostileNumber(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }))),
    run: call(readFiletime),
    returns: 'reading',
  },
  'dates/filetime.ts#readFiletimeHex': {
    input: (s) => one(fc.oneof(text(s), fc.stringMatching(/^[0-9a-fA-F]{16}$/))),
    run: call(readFiletimeHex),
    returns: 'reading',
  },
  'dates/kaspersky-nagent-date.ts#readNagentDate': textOnly(readNagentDate, 'reading-or-null'),
  'dates/locale-datetime.ts#readLocaleDateTime': {
    input: (s) => fc.tuple(text(s), culture),
    run: call(readLocaleDateTime),
    returns: 'reading-or-null',
  },
  'dates/ms-json-date.ts#readMsJsonDate': textOnly(readMsJsonDate, 'reading-or-null'),
  'dates/rfc1123-date.ts#readRfc1123Date': textOnly(readRfc1123Date, 'reading-or-null'),
  'dates/unix-seconds.ts#readUnixSecondsDword': {
    input: () => one(hostileNumber()),
    run: call(readUnixSecondsDword),
    returns: 'reading',
  },
  'linux/bduitool.ts#isoFromBduitoolTime': textOnly(isoFromBduitoolTime, 'value'),
  'linux/bduitool.ts#parseBduitool': textOnly(parseBduitool, 'result'),
  'linux/clamscan-version.ts#parseClamscanVersion': textOnly(parseClamscanVersion, 'result'),
  'linux/drweb-ctl.ts#isoFromDrwebTime': textOnly(isoFromDrwebTime, 'value'),
  'linux/drweb-ctl.ts#parseDrwebCtl': outputs(parseDrwebCtl),
  'linux/savdstatus.ts#parseSavdstatus': textOnly(parseSavdstatus, 'result'),
  'macos/app-paths.ts#isReadableAppPath': textOnly(isReadableAppPath, 'value'),
  'macos/app-paths.ts#windowsGuestShim': {
    input: (s) => fc.tuple(text(s), fc.option(text(s), { nil: undefined })),
    run: call(windowsGuestShim),
    returns: 'value',
  },
  'macos/app-paths.ts#appPathsOf': {
    input: (s) =>
      one(
        fc.array(
          fc.oneof(
            fc.constantFrom(...s.captures.flatMap((c) => c.records)),
            text(s).map((stdout) => ({
              probe: 'macos.applications',
              kind: 'command' as const,
              command: { file: '/usr/bin/mdfind', args: [] },
              outcome: 'ok' as const,
              exitCode: 0,
              stdout,
              stderr: '',
              startedAt: '',
              durationMs: 0,
            })),
            fc.tuple(text(s), fc.array(text(s), { maxLength: 5 })).map(([path, entries]) => ({
              probe: 'macos.applications',
              kind: 'directory' as const,
              path,
              entries,
              outcome: 'ok' as const,
              startedAt: '',
              durationMs: 0,
            })),
          ),
          { maxLength: 5 },
        ),
      ),
    run: call(appPathsOf),
    returns: 'value',
  },
  'macos/wsav-version.ts#parseWsavVersion': textOnly(parseWsavVersion, 'result'),
  'unix/cytool.ts#parseCytool': outputs(parseCytool),
  'unix/eset-tools.ts#esetRealtimeFromSettings': {
    input: (s) =>
      one(
        fc.oneof(
          text(s),
          hostileJson(['State', 'ProtectionStatus', 'RTFSEnabled', 'RTFSWorking', 'Active', 'ce_val']).map(
            (v) => JSON.stringify(v) ?? '',
          ),
        ),
      ),
    run: call(esetRealtimeFromSettings),
    returns: 'value',
  },
  'unix/eset-tools.ts#parseEsetTools': {
    input: (s) => fc.tuple(statusOutputs(s), fc.option(text(s), { nil: undefined })),
    run: call(parseEsetTools),
    returns: 'result',
  },
  'unix/falconctl.ts#parseFalconctl': outputs(parseFalconctl),
  'unix/mdatp-health.ts#parseMdatpHealth': textOnly(parseMdatpHealth, 'result'),
  'unix/sentinelctl.ts#parseSentinelctl': outputs(parseSentinelctl),
  'unix/vendor-status.ts#outputOf': {
    input: (s) => fc.tuple(statusOutputs(s), fc.constantFrom(...s.commandArgs)),
    run: call(outputOf),
    returns: 'value',
  },
  'unix/vendor-status.ts#labelledLines': textOnly(labelledLines, 'value'),
  'unix/vendor-status.ts#onOff': {
    input: (s) => one(fc.option(text(s), { nil: undefined })),
    run: call(onOff),
    returns: 'value',
  },
  'unix/vendor-status.ts#monthNumber': textOnly(monthNumber, 'value'),
  'linux/clamav-db-header.ts#parseClamavDbHeader': textOnly(parseClamavDbHeader, 'result'),
  'linux/clamav-db-header.ts#isClamavDatabaseFile': textOnly(isClamavDatabaseFile, 'value'),
  'linux/colon-fields.ts#parseColonFields': textOnly(parseColonFields, 'value'),
  'linux/colon-fields.ts#firstField': {
    input: (s) => fc.tuple(text(s).map(parseColonFields), fc.array(fc.string(), { maxLength: 4 })),
    run: call(firstField),
    returns: 'value',
  },
  'linux/dpkg-query.ts#parseDpkgQuery': textOnly(parseDpkgQuery, 'result'),
  'linux/freshclam-log.ts#parseFreshclamLog': textOnly(parseFreshclamLog, 'value'),
  'linux/kav4fs-update-stat.ts#parseKav4fsUpdateStat': textOnly(parseKav4fsUpdateStat, 'result'),
  'linux/kesl-app-info.ts#parseKeslAppInfo': textOnly(parseKeslAppInfo, 'result'),
  'linux/klnagent-avstate.ts#parseKlnagentAvState': {
    input: (s) => one(fc.array(fc.record({ name: fc.string(), content: text(s) }), { maxLength: 4 })),
    run: call(parseKlnagentAvState),
    returns: 'value',
  },
  'linux/os-info.ts#parseOsRelease': textOnly(parseOsRelease, 'result'),
  'linux/os-info.ts#parseSwVers': textOnly(parseSwVers, 'result'),
  'linux/package-version.ts#upstreamVersion': textOnly(upstreamVersion, 'value'),
  'linux/printed-dates.ts#isoFromPrintedDateTime': textOnly(isoFromPrintedDateTime, 'value'),
  'linux/printed-dates.ts#isoFromCtime': textOnly(isoFromCtime, 'value'),
  'linux/printed-dates.ts#isoFromNagentDate': textOnly(isoFromNagentDate, 'value'),
  'linux/printed-dates.ts#isoFromClamavBuildTime': textOnly(isoFromClamavBuildTime, 'value'),
  'linux/process-list.ts#parseProcessList': {
    input: (s) => fc.tuple(text(s), fc.constantFrom('linux' as const, 'macos' as const)),
    run: call(parseProcessList),
    returns: 'result',
  },
  'linux/rpm-query.ts#parseRpmQuery': textOnly(parseRpmQuery, 'result'),
  'linux/systemd-show.ts#isSystemdNotRunning': textOnly(isSystemdNotRunning, 'value'),
  'linux/systemd-show.ts#parseSystemdShow': textOnly(parseSystemdShow, 'result'),
  'macos/binary-plist.ts#parseBinaryPlist': {
    input: (s) => one(plistBytes(s)),
    run: call(parseBinaryPlist),
    returns: 'result',
  },
  'macos/ioreg-platform-uuid.ts#parseIoregPlatformUuid': textOnly(parseIoregPlatformUuid, 'result'),
  'macos/launchd-listing.ts#launchdJobs': {
    input: (s) => fc.tuple(text(s), fc.array(text(s), { maxLength: 6 })),
    run: call(launchdJobs),
    returns: 'value',
  },
  'macos/pkgutil-pkgs.ts#parsePkgutilPkgs': textOnly(parsePkgutilPkgs, 'result'),
  'macos/plist-info.ts#decodePlist': { input: plistContent, run: call(decodePlist), returns: 'result' },
  'macos/plist-info.ts#parseInfoPlist': { input: plistContent, run: call(parseInfoPlist), returns: 'result' },
  'macos/plist-info.ts#infoFromPlist': {
    input: (s) =>
      one(fc.dictionary(fc.string(), hostileJson(['CFBundleIdentifier', 'NetworkExtension', ...s.keys]))),
    run: call(infoFromPlist),
    returns: 'value',
  },
  'macos/sysext-plist.ts#splitMachServiceName': textOnly(splitMachServiceName, 'value'),
  'macos/sysext-plist.ts#sysextIdentity': {
    input: (s) =>
      one(
        fc.record(
          { bundleId: text(s), name: text(s), version: text(s), machServiceName: text(s) },
          { requiredKeys: [] },
        ),
      ),
    run: call(sysextIdentity),
    returns: 'value',
  },
  'macos/sysext-plist.ts#parseSysextPlist': {
    input: plistContent,
    run: call(parseSysextPlist),
    returns: 'result',
  },
  'macos/systemextensionsctl.ts#parseSystemExtensionsList': textOnly(parseSystemExtensionsList, 'result'),
  'windows/convert-to-json-values.ts#isRecord': {
    input: (s) => one(hostileJson(s.keys)),
    run: call(isRecord),
    returns: 'value',
  },
  'windows/convert-to-json-values.ts#asList': {
    input: (s) => one(hostileJson(s.keys)),
    run: call(asList),
    returns: 'value',
  },
  'windows/convert-to-json-values.ts#readDateValue': {
    input: (s) => fc.tuple(hostileJson(s.keys), culture),
    run: call(readDateValue),
    returns: 'value',
  },
  'windows/convert-to-json-values.ts#fieldReader': {
    input: (s) => fc.tuple(fc.dictionary(fc.constantFrom(...s.keys), hostileJson(s.keys)), fc.string()),
    run: call((record: Record<string, unknown>, where: string) => {
      const f = fieldReader(record, where);
      return Object.keys(record).map((key) => [f.string(key), f.text(key), f.number(key), f.boolean(key)]);
    }),
    returns: 'value',
  },
  'windows/convert-to-json-values.ts#evidenceRecord': {
    input: (s) => fc.tuple(hostileJson(s.keys), fc.nat({ max: 1000 })),
    run: call(evidenceRecord),
    returns: 'value',
  },
  'windows/kaspersky-registry.ts#parseKasperskyRegistry': section('kaspersky.registry', (d) =>
    parseKasperskyRegistry(d, 'windows.kaspersky-registry'),
  ),
  'windows/mp-computer-status.ts#parseMpComputerStatus': {
    input: (s) => fc.tuple(sectionInput(s, 'defender.status'), fc.constant('windows.defender'), culture),
    run: call(parseMpComputerStatus),
    returns: 'result',
  },
  'windows/machine-guid.ts#parseMachineGuid': section('machine-id', parseMachineGuid),
  'windows/machine-guid.ts#hasMachineGuid': {
    input: (s) => one(sectionInput(s, 'machine-id')),
    run: call(hasMachineGuid),
    returns: 'value',
  },
  'windows/os-region.ts#parseOs': section('os', parseOs),
  'windows/os-region.ts#parseRegion': section('region', parseRegion),
  'windows/pending-restart.ts#parsePendingRestart': section('pending-restart', (d) =>
    parsePendingRestart(d, 'windows.pending-restart'),
  ),
  'windows/processes.ts#parseProcesses': section('processes', (d) => parseProcesses(d, 'windows.processes')),
  'windows/scan-document.ts#parseScanDocument': {
    input: (s) =>
      one(
        fc.oneof(
          text(s),
          fc
            .dictionary(fc.constantFrom(...s.sections.keys()), fc.constantFrom(...s.sections.keys()))
            .chain((names) =>
              fc.tuple(...Object.keys(names).map((name) => sectionInput(s, name))).map((datas) =>
                JSON.stringify({
                  schema: 'handover.windows-scan/1',
                  sections: Object.fromEntries(
                    Object.keys(names).map((n, i) => [n, { ok: true, data: datas[i] }]),
                  ),
                }).replace(/null/g, '1e999'),
              ),
            ),
        ),
      ),
    run: call(parseScanDocument),
    returns: 'result',
  },
  'windows/scan-document.ts#parseScanDocument (schema /2 lines)': {
    input: (s) =>
      one(
        fc
          .dictionary(fc.constantFrom(...s.sections.keys()), fc.constantFrom(...s.sections.keys()))
          .chain((names) =>
            fc
              .tuple(...Object.keys(names).map((name) => sectionInput(s, name)), mutatedTextOf(s))
              .map((parts) => {
                const datas = parts.slice(0, -1);
                const lines = formatScanDocument(
                  Object.fromEntries(Object.keys(names).map((n, i) => [n, { ok: true, data: datas[i] }])),
                ).replace(/null/g, '1e999');
                return `${lines}${parts.at(-1)}`;
              }),
          ),
      ),
    run: call(parseScanDocument),
    returns: 'result',
  },
  'windows/scan-document.ts#nonFinitePath': {
    input: (s) => one(hostileJson(s.keys)),
    run: call(nonFinitePath),
    returns: 'value',
  },
  'windows/services-drivers.ts#parseServices': {
    input: (s) =>
      fc.oneof(
        fc.tuple(sectionInput(s, 'services'), fc.constant('service'), fc.constant('windows.services')),
        fc.tuple(sectionInput(s, 'drivers'), fc.constant('kernel-driver'), fc.constant('windows.drivers')),
      ),
    run: call(parseServices),
    returns: 'result',
  },
  'windows/uninstall-entries.ts#stripQuotes': textOnly(stripQuotes, 'value'),
  'windows/uninstall-entries.ts#productCodeFromCommand': {
    input: (s) => one(fc.option(text(s), { nil: undefined })),
    run: call(productCodeFromCommand),
    returns: 'value',
  },
  'windows/uninstall-entries.ts#productCodeFromPackedGuid': textOnly(productCodeFromPackedGuid, 'value'),
  'windows/uninstall-entries.ts#parseUninstallEntries': section('uninstall', (d) =>
    parseUninstallEntries(d, 'windows.uninstall'),
  ),
  'windows/uninstall-entries.ts#parseInstallerProducts': section('installer.products', (d) =>
    parseInstallerProducts(d, 'windows.installer'),
  ),
  'windows/wsc-product-state.ts#decodeProductState': {
    input: () => one(hostileNumber()),
    run: call((n: number) => {
      const decoded = decodeProductState(n);
      return decoded ? describeProductState(decoded) : null;
    }),
    returns: 'value',
  },
  'windows/wsc-products.ts#parseWscProducts': {
    input: (s) =>
      fc.oneof(
        fc.tuple(
          sectionInput(s, 'wsc.antivirus'),
          fc.constant('antivirus'),
          fc.constant('windows.wsc.antivirus'),
        ),
        fc.tuple(
          sectionInput(s, 'wsc.antispyware'),
          fc.constant('antispyware'),
          fc.constant('windows.wsc.antispyware'),
        ),
      ),
    run: call(parseWscProducts),
    returns: 'result',
  },
};

/** Exports that are not parsers of input: what each is instead. */
const NOT_PARSERS: Readonly<Record<string, string>> = {
  'dates/date-reading.ts#unreadable': 'makes a reading from a reason Handover writes',
  'windows/convert-to-json-values.ts#lazyEvidence':
    'wraps a record the parsers above read; its printing is evidenceRecord (fuzzed above)',
  'dates/date-reading.ts#readingFromDate': 'takes a Date the readers above made (fuzzed through them)',
  'dates/date-reading.ts#utcFromFields': 'takes fields the readers above matched (fuzzed through them)',
  'dates/date-reading.ts#isoOrNull': 'reads a reading',
  'dates/date-reading.ts#describeReading': 'words a reading',
  'windows/scan-document.ts#formatScanDocument': 'writes a document (fixtures and tests)',
  'windows/scan-document.ts#formatScanDocumentV1': 'writes an old document (fixtures and tests)',
  'windows/wsc-product-state.ts#describeProductState':
    'words a decoded state (fuzzed with decodeProductState)',
};

function isWellFormed(returns: Returns, value: unknown): boolean {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  const reading = object !== null && ['date', 'never', 'unreadable'].includes(object.kind as string);
  switch (returns) {
    case 'result':
      return (
        object !== null &&
        ((object.ok === true && 'value' in object) ||
          (object.ok === false && typeof object.error === 'string'))
      );
    case 'reading':
      return reading;
    case 'reading-or-null':
      return value === null || reading;
    case 'value':
      return true;
  }
}

let samples: RealSamples;
beforeAll(async () => {
  samples = await realSamples();
}, 60_000);

describe('every parser, on random and mutated real input', () => {
  it.each(Object.entries(FUZZED))(
    '%s never throws and returns a value or an error value',
    (_name, fuzzed) => {
      fc.assert(
        fc.property(fuzzed.input(samples), (args) => {
          const value = fuzzed.run(...(args as never[]));
          expect(isWellFormed(fuzzed.returns, value)).toBe(true);
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('the table names every function the parse folder exports', async () => {
    const root = import.meta.dirname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const exported: string[] = [];
    for (const file of files) {
      const module = (await import(join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function')
          exported.push(`${relative(root, join(root, file)).replaceAll('\\', '/')}#${name}`);
      }
    }
    // "file#name (what)" is a second input form of the same export.
    const listed = new Set(
      [...Object.keys(FUZZED), ...Object.keys(NOT_PARSERS)].map((k) => k.replace(/ \(.*\)$/, '')),
    );
    expect(exported.filter((name) => !listed.has(name))).toEqual([]);
    expect([...listed].filter((name) => !exported.includes(name))).toEqual([]);
  });
});
