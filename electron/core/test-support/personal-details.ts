/**
 * For tests: a real fixture capture with one person's details put in every place a capture,
 * a report and a log can carry them, in every spelling a file can hold them (paths with \, \\,
 * / and %5C, upper case, JSON-escaped, in command output, registry values, error texts, log
 * lines, report text). The redaction tests then prove none of it survives.
 */
import type { Capture, ProbeRecord } from '../capture';
import { formatScanDocument, parseScanDocument, WINDOWS_PROBE_ID } from '../parse/windows/scan-document';

export const PERSON = {
  user: 'Marguerite',
  /** A second profile folder, with a space and letters ConvertTo-Json may escape. */
  otherUser: 'Jörg Müller',
  host: 'MARGUERITE-LAPTOP',
  fqdn: 'marguerite-laptop.home.example',
  email: 'marguerite.dupont@example-mail.fr',
  windowsHome: 'C:\\Users\\Marguerite',
  unixHome: '/home/marguerite',
  macHome: '/Users/Marguerite',
  sid: 'S-1-5-21-1004336348-1177238915-682003330-1001',
  /** An Entra ID account's SID (S-1-12-1 and four numbers). */
  entraSid: 'S-1-12-1-3215712306-1220497853-3174153638-2811473467',
  /** A third profile folder, with an apostrophe. */
  apostropheUser: "Siobhan O'Brien",
} as const;

const utf16le = (text: string) =>
  Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const hexOf = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A REG_BINARY value holding the profile path in UTF-16LE, as the scan script writes it: hex (40 bytes). */
export const PERSONAL_HEX_VALUE = hexOf(utf16le(`${PERSON.windowsHome}\\`));
/** The same path in a base64 blob. */
export const PERSONAL_BASE64 = btoa(String.fromCharCode(...utf16le(`${PERSON.windowsHome}\\AppData\\`)));

/** Text in which every spelling of the person's details appears. */
export const PERSONAL_TEXT = [
  `profile ${PERSON.windowsHome}\\AppData\\Local\\Temp\\handover.tmp`,
  `json ${JSON.stringify(`${PERSON.windowsHome}\\Documents`)}`,
  `upper C:\\USERS\\MARGUERITE\\DESKTOP\\x.txt`,
  `url file:///C:%5CUsers%5CMarguerite%5CDownloads%5Cinstaller.exe and https://example.invalid/u?path=%2Fhome%2Fmarguerite%2Fx`,
  `unix ${PERSON.unixHome}/.config/handover and mac ${PERSON.macHome}/Library/Preferences`,
  `host ${PERSON.host} (${PERSON.fqdn}) \\\\${PERSON.host}\\share`,
  `account ${PERSON.host}\\${PERSON.user.toLowerCase()} mail ${PERSON.email} sid ${PERSON.sid}`,
  `other C:\\Users\\${PERSON.otherUser}\\AppData\\Roaming\\app.ini`,
  // What the first redactor missed (issue 12 §4, point 2).
  `entra ${PERSON.entraSid}`,
  `apostrophe C:\\Users\\${PERSON.apostropheUser}\\Documents\\x.txt and ${PERSON.apostropheUser.replace("'", '\u2019')} again`,
  'encoded file:///C:/Users/J%C3%B6rg%20M%C3%BCller/Downloads/kts21.exe',
  `hex MRU ${PERSONAL_HEX_VALUE} base64 ${PERSONAL_BASE64}`,
  'mail marguerite.dupont (at) example-mail.fr, marguerite.dupont [at] example-mail [dot] fr, marguerite.dupont&#64;example-mail.fr',
].join('\n');

function withPersonalPowerShell(stdout: string): string {
  const parsed = parseScanDocument(stdout);
  if (!parsed.ok) throw new Error(parsed.error);
  const sections: Record<string, unknown> = { ...parsed.value.sections };
  sections.processes = {
    ok: true,
    data: [
      {
        Name: 'tool.exe',
        ProcessId: 4242,
        ExecutablePath: `${PERSON.windowsHome}\\AppData\\Local\\tool.exe`,
      },
      { Name: 'app.exe', ProcessId: 4243, ExecutablePath: `C:\\Users\\${PERSON.otherUser}\\app.exe` },
    ],
  };
  sections['wsc.firewall'] = { ok: false, error: `Access denied for ${PERSON.host}\\${PERSON.user}` };
  sections['extra.unreviewed'] = { ok: true, data: { ComputerName: PERSON.host, UserName: PERSON.user } };
  sections.os = {
    ok: true,
    data: {
      Caption: 'Microsoft Windows 10 Pro',
      Version: '10.0.19045',
      BuildNumber: '19045',
      ProductType: 1,
      CSName: PERSON.host,
    },
  };
  // The script writes every non-ASCII character as \uXXXX: the name must be found in that form too.
  const json = formatScanDocument(sections as Parameters<typeof formatScanDocument>[0])
    .replace(/ö/g, '\\u00f6')
    .replace(/ü/g, '\\u00fc');
  return `WARNING: could not load ${PERSON.windowsHome}\\Documents\\WindowsPowerShell\\profile.ps1\r\n${json}`;
}

const extraRecord = (capturedAt: string): ProbeRecord => ({
  probe: 'test.personal',
  kind: 'file',
  path: `${PERSON.unixHome}/.local/share/handover/notes.txt`,
  encoding: 'utf8',
  content: PERSONAL_TEXT,
  outcome: 'failed',
  error: `EACCES: permission denied, open '${PERSON.macHome}/notes.txt' on ${PERSON.fqdn}`,
  startedAt: capturedAt,
  durationMs: 1,
});

/** The fixture capture, with the person's details added (and fields no format defines). */
export function withPersonalDetails(capture: Capture): Capture {
  const records = capture.records.map((record) =>
    record.kind === 'command' && record.probe === WINDOWS_PROBE_ID
      ? { ...record, stdout: withPersonalPowerShell(record.stdout), stderr: PERSONAL_TEXT }
      : record,
  );
  return {
    ...capture,
    operator: PERSON.email,
    host: {
      ...capture.host,
      hostname: PERSON.fqdn,
      locale: {
        ...capture.host.locale,
        env: { ...capture.host.locale.env, LANG: 'fr_FR.UTF-8', USER: 'marguerite', HOME: PERSON.unixHome },
      },
    },
    records: [...records, extraRecord(capture.capturedAt)],
  } as Capture;
}

export const PERSONAL_REPORT = {
  format: 'handover.report',
  formatVersion: 1,
  machine: { hostname: PERSON.fqdn, user: PERSON.user },
  summary: `Scanned ${PERSON.host} for ${PERSON.user} <${PERSON.email}>`,
  evidence: [{ record: `${PERSON.windowsHome}\\Downloads\\kts21.exe`, decoded: PERSONAL_TEXT }],
  [`${PERSON.windowsHome}\\key`]: 'a key holding a path',
};

export const PERSONAL_LOG: readonly unknown[] = [
  { time: '2026-11-29T12:00:00.000Z', event: 'scan-failed', error: `EACCES: ${PERSON.unixHome}/.cache` },
  { unreadable: JSON.stringify({ path: `${PERSON.windowsHome}\\x`, host: PERSON.host }).slice(0, 40) },
  { time: '2026-11-29T12:00:01.000Z', event: 'note', text: PERSONAL_TEXT.toUpperCase() },
];

/** Every spelling that must not survive redaction, compared case-insensitively. */
export const PERSONAL_TRACES: readonly string[] = [
  'marguerite',
  'jörg',
  '\\u00f6rg',
  'müller',
  '\\u00fcller',
  'dupont',
  'example-mail',
  'home.example',
  PERSON.sid,
  PERSON.entraSid,
  "o'brien",
  'o\u2019brien',
  'siobhan',
  'j%c3%b6rg',
  'm%c3%bcller',
  // The name's bytes as hex, ASCII and UTF-16LE (a blob's base64 is checked by decoding it).
  // (without its first letter, whose case changes the bytes: the traces are compared in lower case).
  hexOf(new TextEncoder().encode('arguerite')),
  hexOf(utf16le('arguerite')),
];
