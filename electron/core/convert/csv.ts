/**
 * RFC 4180 CSV: a field holding a comma, a double quote, CR or LF is enclosed in double quotes
 * and its quotes are doubled (RFC 4180 §2, rules 5–7; Chromium's password exporter does the
 * same: components/password_manager/core/browser/export/csv_writer.cc). Records end with CRLF
 * (rule 2), which the importers read: Chrome writes CRLF itself on Windows, Bitwarden's
 * BaseImporter.splitNewLine accepts both. A field with a leading or trailing space or tab is
 * quoted too, so an importer that trims unquoted fields cannot shorten a password.
 *
 * Values are written exactly: nothing is trimmed, replaced or escaped beyond the quoting above.
 * In particular no spreadsheet-formula escaping is applied (the "CSV injection" advice to prefix
 * a value starting with =, +, -, @ with an apostrophe). That advice is for files people open in
 * a spreadsheet; these files are only for a password manager's or a browser's importer, which
 * would store the apostrophe as part of the password and so change it. The UI warns the person
 * not to open these files in a spreadsheet, and to delete them once imported.
 */

const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** A header record and the data records, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${csvRecord(row)}\r\n`).join('');
}
