/**
 * The two promises of a redacted diagnostics file: it still replays to what the sender saw, and
 * nothing of the sender's user name, host name, home folder or e-mail address survives in it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureFromCaseDir } from '../../probes/replay/case-capture';
import { analyseCapture } from '../analyse';
import type { Capture } from '../capture';
import { type CompiledCatalog, loadCatalog } from '../catalog/load-catalog';
import {
  PERSON,
  PERSONAL_LOG,
  PERSONAL_REPORT,
  PERSONAL_TRACES,
  withPersonalDetails,
} from '../test-support/personal-details';
import { allowlistCapture } from './allowlist';
import { buildDiagnostics } from './build-diagnostics';
import { catalogWords } from './catalog-words';
import { blobsIn, textViews } from './encoded-text';
import { redactDiagnostics } from './redact-diagnostics';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures');
const subdirs = (dir: string) => readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
/** Every real case, and every stage of every journey: "detection/win-kes10-de-wsc", "journeys/linux-kesl/1-before". */
const CASES = [
  ...subdirs(join(FIXTURES, 'detection')).map((c) => `detection/${c}`),
  ...subdirs(join(FIXTURES, 'journeys')).flatMap((j) =>
    subdirs(join(FIXTURES, 'journeys', j)).map((stage) => `journeys/${j}/${stage}`),
  ),
];
const NOW = new Date('2026-11-29T12:00:00Z');

let catalog: CompiledCatalog;
let protectedWords: string[];
beforeAll(() => {
  catalog = loadCatalog();
  protectedWords = catalogWords(catalog);
});

/** What a person would see: the verdict, and each detection's id and facts. */
function seen(capture: Capture) {
  const result = analyseCapture(capture, catalog, { now: NOW, regionOverride: 'US', replayed: true });
  return {
    verdict: result.verdict.level,
    headline: result.verdict.headline,
    detections: result.detections.map((d) => ({
      id: d.id,
      name: d.name,
      version: d.version,
      realtime: d.realtime,
      signatures: d.signatures,
      status: d.status,
    })),
    sources: result.sources.map((s) => [s.id, s.status]),
  };
}

function allowlisted(capture: Capture): Capture {
  const result = allowlistCapture(capture);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The text, and every hex and base64 blob in it read in each way it may hold text. */
function everyReading(text: string): string[] {
  return [text, ...blobsIn(text).flatMap(textViews)].map((view) => view.toLowerCase());
}

const redact = (capture: Capture) =>
  redactDiagnostics({ capture, report: PERSONAL_REPORT, log: PERSONAL_LOG }, { protectedWords }).parts
    .capture;

describe.each(CASES)('case %s', (caseId) => {
  it('replays to the same verdict and detections once redacted', async () => {
    const capture = allowlisted(await captureFromCaseDir(join(FIXTURES, caseId)));
    expect(seen(redact(capture))).toEqual(seen(capture));
  });

  it('with personal details added, replays alike once redacted, and none of them survives', async () => {
    const capture = allowlisted(withPersonalDetails(await captureFromCaseDir(join(FIXTURES, caseId))));
    const redacted = redact(capture);
    expect(seen(redacted)).toEqual(seen(capture));
    const readings = everyReading(JSON.stringify(redacted));
    for (const trace of PERSONAL_TRACES)
      expect(readings.find((reading) => reading.includes(trace.toLowerCase())) ?? null, trace).toBeNull();
  });
});

describe('a diagnostics file built with personal details hidden', () => {
  it('holds no trace of the user name, host name, home folder or e-mail address anywhere', async () => {
    for (const caseId of ['detection/win-kts21.2-services-drivers', 'journeys/linux-kesl/4-after-removal']) {
      const capture = withPersonalDetails(await captureFromCaseDir(join(FIXTURES, caseId)));
      const built = buildDiagnostics(
        { capture, report: PERSONAL_REPORT, log: PERSONAL_LOG },
        { createdAt: '2026-11-29T12:05:00.000Z', appVersion: '0.1.0', hidePersonalDetails: true, catalog },
      );
      if (!built.ok) throw new Error(built.error);
      const text = built.value.text.toLowerCase();
      for (const trace of [
        ...PERSONAL_TRACES,
        PERSON.windowsHome.toLowerCase(),
        PERSON.unixHome,
        PERSON.host.toLowerCase(),
      ]) {
        expect(text, `${caseId}: ${trace}`).not.toContain(trace.toLowerCase());
      }
      // The tokens stand where the details were, and home paths keep their shape.
      expect(built.value.file.sender.label).toBe('host-1');
      expect(built.value.text).toContain('C:\\\\Users\\\\user-1\\\\AppData');
      expect(built.value.text).toContain('/home/user-1/.config/handover');
      expect(built.value.text).toContain('email-1@example.invalid');
      // Every e-mail address goes, a package maintainer's too: whose it is cannot be told.
      expect(built.value.hidden).toEqual({
        userNames: 3,
        hostNames: 1,
        emailAddresses: caseId.includes('linux') ? 2 : 1,
        accountIds: 2,
      });
    }
  });

  it('with "hide personal details" unticked, replaces nothing (the allowlist still applies)', async () => {
    const capture = withPersonalDetails(
      await captureFromCaseDir(join(FIXTURES, 'detection/win-kts21.2-services-drivers')),
    );
    const built = buildDiagnostics(
      { capture, report: PERSONAL_REPORT, log: PERSONAL_LOG },
      { createdAt: '2026-11-29T12:05:00.000Z', appVersion: '0.1.0', hidePersonalDetails: false, catalog },
    );
    if (!built.ok) throw new Error(built.error);
    expect(built.value.hidden).toBeNull();
    expect(built.value.file.sender.label).toBe(PERSON.fqdn);
    expect(built.value.file.report).toEqual(PERSONAL_REPORT);
    expect(built.value.file.log).toEqual(PERSONAL_LOG);
    expect(built.value.file.capture).toEqual(allowlisted(capture));
    expect(built.value.text).toContain(PERSON.email);
    expect(built.value.text).not.toContain('"operator"');
  });
});
