/**
 * Kaspersky Password Manager's plain-text export (Settings › Import/Export › "Export to text
 * file", migration-facts.md §1.1) → KpmVault. The layout, as Bitwarden's KasperskyTxtImporter
 * reads it (bitwarden/clients libs/importer/src/importers/kaspersky-txt-importer.ts, read in the
 * fork joker3serri/Bit) and as Proton Pass's test export shows it (ProtonMail/WebClients
 * packages/pass/lib/import/providers/kaspersky/mocks/kaspersky.txt):
 *
 *   Websites                        ← a section header, then a blank line
 *
 *   Website name: Example           ← 'Key: value' lines
 *   Website URL: example.com
 *   Login name: Work account
 *   Login: someone@example.com
 *   Password: secret
 *   Comment: first line            ← Comment (Text in notes) runs to the end of the entry
 *   second line
 *
 *   ---                             ← every entry ends with a '---' line
 *
 *   Applications … (Application: instead of Website name:, no URL)
 *   Other Accounts … (Account name: instead; in Proton's test export and reader, while
 *                     Bitwarden's importer has no key for 'Account name')
 *   Notes … (Name:, Text:)
 *
 * The parser is strict where leniency would lose data silently: a file that is not this export,
 * an entry whose keys are not one of the layouts above, or a file that ends inside an entry or
 * right after a header (truncated) gives an error naming the line, and never a partial vault.
 * Errors name lines and field names only, never the file's content, because they may be shown
 * or logged and the content is passwords.
 */
import { err, ok, type Result } from '../util/result';

export type KpmLoginKind = 'website' | 'application' | 'other-account';

/** A login from the Websites, Applications or Other Accounts section. Values are exactly as exported. */
export interface KpmLogin {
  readonly kind: KpmLoginKind;
  /** 1-based line of the entry's first field in the export. */
  readonly line: number;
  /** 'Website name', 'Application' or 'Account name'. */
  readonly name: string;
  /** 'Website URL'; '' for applications and other accounts, which have none. */
  readonly url: string;
  /** 'Login name': KPM's own label for the account, often empty. */
  readonly loginName: string;
  /** 'Login': the user name or e-mail address. */
  readonly login: string;
  readonly password: string;
  /** 'Comment', lines joined with '\n'. */
  readonly comment: string;
}

export interface KpmNote {
  readonly line: number;
  readonly name: string;
  /** 'Text', lines joined with '\n'. */
  readonly text: string;
}

export interface KpmVault {
  readonly logins: readonly KpmLogin[];
  readonly notes: readonly KpmNote[];
}

/** What the person reads when they pick the encrypted backup (or any other binary file). */
export const KPM_BACKUP_MESSAGE =
  'This is not the text export: it holds binary data, like the encrypted backup (.edb) of Kaspersky ' +
  'Password Manager. The encrypted backup can only be read by Kaspersky Password Manager itself; ' +
  'export to a text file instead (Settings › Import/Export › Export to text file) and choose that file.';

interface SectionLayout {
  readonly header: string;
  readonly kind: KpmLoginKind | 'note';
  /** Keys in the order KPM writes them; an entry may leave out the optional ones. */
  readonly keys: readonly string[];
  readonly required: readonly string[];
  /** The last key, whose value runs to the end of the entry. */
  readonly multiline: string;
}

const LOGIN_TAIL = ['Login name', 'Login', 'Password', 'Comment'] as const;

const SECTIONS: readonly SectionLayout[] = [
  {
    header: 'Websites',
    kind: 'website',
    keys: ['Website name', 'Website URL', ...LOGIN_TAIL],
    required: ['Website name', 'Website URL', 'Login', 'Password'],
    multiline: 'Comment',
  },
  {
    header: 'Applications',
    kind: 'application',
    keys: ['Application', ...LOGIN_TAIL],
    required: ['Application', 'Login', 'Password'],
    multiline: 'Comment',
  },
  {
    header: 'Other Accounts',
    kind: 'other-account',
    keys: ['Account name', ...LOGIN_TAIL],
    required: ['Account name', 'Login', 'Password'],
    multiline: 'Comment',
  },
  { header: 'Notes', kind: 'note', keys: ['Name', 'Text'], required: ['Name', 'Text'], multiline: 'Text' },
];

const HEADER_LIST = SECTIONS.map((s) => `'${s.header}'`).join(', ');

function sectionOf(line: string): SectionLayout | undefined {
  const trimmed = line.trimEnd();
  return SECTIONS.find((s) => s.header === trimmed);
}

const isBlank = (line: string) => line.trim() === '';
const isSeparator = (line: string) => line.trim() === '---';

/**
 * The bytes of the chosen file → its text. UTF-8 (with or without a BOM) is what the other
 * converters read (Proton reads it as 'utf8'); UTF-16 with a BOM is accepted too in case a
 * Windows build writes "Unicode" text (unconfirmed). Anything that is not valid text, such as
 * the encrypted .edb backup, is refused with KPM_BACKUP_MESSAGE: detected by content, not by
 * the file's name.
 */
export function decodeKpmExport(bytes: Uint8Array): Result<string> {
  if (bytes.length === 0) return err('The file is empty: it is not a Kaspersky Password Manager export.');
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    return ok(new TextDecoder(encoding, { fatal: true }).decode(bytes));
  } catch {
    return err(KPM_BACKUP_MESSAGE);
  }
}

/** decodeKpmExport, then parseKpmTextExport: what the UI calls with the file it read. */
export function parseKpmExportFile(bytes: Uint8Array): Result<KpmVault> {
  const text = decodeKpmExport(bytes);
  return text.ok ? parseKpmTextExport(text.value) : text;
}

/** The export's text → its logins and notes, or an error naming the line; never a partial vault. */
export function parseKpmTextExport(text: string): Result<KpmVault> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);

  const binaryLine = lines.findIndex(hasBinary);
  if (binaryLine !== -1)
    return err(`${KPM_BACKUP_MESSAGE} (The first such data is on line ${binaryLine + 1}.)`);

  const logins: KpmLogin[] = [];
  const notes: KpmNote[] = [];
  const seen = new Set<string>();
  let section: SectionLayout | undefined;
  let sectionLine = 0;
  let entriesInSection = 0;
  let i = 0;

  for (;;) {
    while (i < lines.length && isBlank(lines[i] ?? '')) i++;
    const line = lines[i];
    if (line === undefined) break;

    const next = sectionOf(line);
    if (next) {
      if (seen.has(next.header))
        return err(`Line ${i + 1}: the '${next.header}' section appears a second time.`);
      if (i + 1 >= lines.length || (i + 2 >= lines.length && lines[i + 1] === '')) {
        return err(
          `Line ${i + 1}: the file ends right after the '${next.header}' header, so it looks cut short. ` +
            'Export again from Kaspersky Password Manager.',
        );
      }
      if (!isBlank(lines[i + 1] ?? '')) {
        return err(`Line ${i + 2}: the '${next.header}' header should be followed by a blank line.`);
      }
      seen.add(next.header);
      section = next;
      sectionLine = i + 1;
      entriesInSection = 0;
      i += 2;
      continue;
    }

    if (!section) {
      return err(
        `Line ${i + 1}: this is not a Kaspersky Password Manager text export. The export begins with one ` +
          `of the section headers ${HEADER_LIST} (in English).`,
      );
    }

    const entry = parseEntry(lines, i, section);
    if (!entry.ok) return entry;
    const { values, next: after } = entry.value;
    const get = (key: string) => values.get(key) ?? '';
    if (section.kind === 'note') {
      notes.push({ line: i + 1, name: get('Name'), text: get('Text') });
    } else {
      logins.push({
        kind: section.kind,
        line: i + 1,
        name: get(section.keys[0] ?? ''),
        url: get('Website URL'),
        loginName: get('Login name'),
        login: get('Login'),
        password: get('Password'),
        comment: get('Comment'),
      });
    }
    entriesInSection++;
    i = after;
  }

  if (!section) return err('The file is empty: it is not a Kaspersky Password Manager export.');
  if (entriesInSection === 0) {
    return err(
      `Line ${sectionLine}: the file ends after the '${section.header}' header without any entry, so it ` +
        'looks cut short. Export again from Kaspersky Password Manager.',
    );
  }
  return ok({ logins, notes });
}

/**
 * One entry from its first line to its closing '---'. A '---' line inside a multi-line value is
 * taken as the end of the entry only when what follows is the end of the file, a section header
 * or the next entry's first key: a note whose text holds a '---' line of its own keeps it.
 */
function parseEntry(
  lines: readonly string[],
  start: number,
  section: SectionLayout,
): Result<{ values: Map<string, string>; next: number }> {
  const values = new Map<string, string>();
  let lastKeyIndex = -1;
  let multiline: string[] | undefined;
  const where = `the ${section.header} entry that starts on line ${start + 1}`;

  for (let j = start; ; j++) {
    const line = lines[j];
    if (line === undefined) {
      return err(
        `The file ends inside ${where} (no closing '---' line), so it looks cut short. ` +
          'Export again from Kaspersky Password Manager.',
      );
    }
    if (isSeparator(line) && (!multiline || endsEntry(lines, j + 1, section))) {
      if (multiline) {
        while (multiline.length > 0 && multiline[multiline.length - 1] === '') multiline.pop();
        values.set(section.multiline, multiline.join('\n'));
      }
      const missing = section.required.filter((key) => !values.has(key));
      if (missing.length > 0) {
        return err(`Line ${j + 1}: ${where} has no ${missing.map((k) => `'${k}'`).join(', ')} field.`);
      }
      return ok({ values, next: j + 1 });
    }
    if (multiline) {
      multiline.push(line);
      continue;
    }
    if (isBlank(line)) continue;

    const key = section.keys.find((k) => line.startsWith(`${k}:`));
    if (key === undefined) {
      return err(
        j === start
          ? `Line ${j + 1}: expected ${anEntry(section)} beginning '${section.keys[0]}:' or one of the ` +
              `section headers ${HEADER_LIST}; the file may be cut short or not a Kaspersky Password Manager export.`
          : `Line ${j + 1}: in ${where}, a line that is none of the ${section.header} fields ` +
              `(${section.keys.map((k) => `'${k}'`).join(', ')}).`,
      );
    }
    const keyIndex = section.keys.indexOf(key);
    if (j === start && keyIndex !== 0) {
      return err(
        `Line ${j + 1}: ${anEntry(section)} should begin with '${section.keys[0]}:', not '${key}:'.`,
      );
    }
    if (keyIndex <= lastKeyIndex) {
      return err(`Line ${j + 1}: in ${where}, the '${key}' field is repeated or out of order.`);
    }
    lastKeyIndex = keyIndex;
    // KPM writes 'Key: value'; only that one space is the format's, the rest is the value.
    const rest = line.slice(key.length + 1);
    const value = rest.startsWith(' ') ? rest.slice(1) : rest;
    if (key === section.multiline) multiline = [value];
    else values.set(key, value);
  }
}

/** 'a Websites entry', 'an Applications entry'. */
function anEntry(section: SectionLayout): string {
  return `${/^[AEIOU]/.test(section.header) ? 'an' : 'a'} ${section.header} entry`;
}

function endsEntry(lines: readonly string[], from: number, section: SectionLayout): boolean {
  let k = from;
  while (k < lines.length && isBlank(lines[k] ?? '')) k++;
  const line = lines[k];
  return line === undefined || sectionOf(line) !== undefined || line.startsWith(`${section.keys[0]}:`);
}

/** NUL and the other C0 controls (tab excepted) and U+FFFD never occur in the text export. */
function hasBinary(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || c === 0xfffd) return true;
  }
  return false;
}
