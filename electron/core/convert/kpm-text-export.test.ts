/**
 * The vault contents in these tests are made-up test data written in the real export format
 * (see kpm-sample-export.ts for where the format's shape comes from); no real export is used.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_EXPORT } from './kpm-sample-export';
import {
  decodeKpmExport,
  KPM_BACKUP_MESSAGE,
  type KpmVault,
  parseKpmExportFile,
  parseKpmTextExport,
} from './kpm-text-export';

const SAMPLE_VAULT: KpmVault = {
  logins: [
    {
      kind: 'website',
      line: 3,
      name: 'Example Mail',
      url: 'https://mail.example.com',
      loginName: 'Work',
      login: 'anna@example.com',
      password: 'Qw,e"rty 1',
      comment: 'Recovery codes are in the drawer.\n\nSecond line, after a blank one, with a comma.',
    },
    {
      kind: 'website',
      line: 14,
      name: 'Пример',
      url: 'пример.example',
      loginName: '',
      login: 'иван',
      password: 'пароль🔑',
      comment: '',
    },
    {
      kind: 'application',
      line: 25,
      name: '記事アプリ',
      url: '',
      loginName: '',
      login: 'taro',
      password: '=1+2',
      comment: '',
    },
    {
      kind: 'other-account',
      line: 35,
      name: 'Router',
      url: '',
      loginName: '',
      login: 'admin',
      password: '',
      comment: '',
    },
  ],
  notes: [
    { line: 45, name: 'Wi-Fi 📶', text: 'Network: home\nPassword: not-a-field-here\n---\nstill the note' },
    { line: 52, name: 'Empty note', text: '' },
  ],
};

const lines = (...l: string[]) => l.join('\n');

describe('parseKpmTextExport', () => {
  it('reads every section, multi-line comments and notes, empty fields and non-ASCII', () => {
    expect(parseKpmTextExport(SAMPLE_EXPORT)).toEqual({ ok: true, value: SAMPLE_VAULT });
  });

  it('reads CRLF, a UTF-8 BOM and no final newline the same way, with the same line numbers', () => {
    const crlf = `\uFEFF${SAMPLE_EXPORT.replaceAll('\n', '\r\n').trimEnd()}`;
    expect(parseKpmTextExport(crlf)).toEqual({ ok: true, value: SAMPLE_VAULT });
  });

  it('keeps values exactly: spaces around a password, colons, a comment of several lines', () => {
    const text = lines(
      'Websites',
      '',
      'Website name: Spaces',
      'Website URL: example.com',
      'Login name: a: b',
      'Login:  lead',
      'Password:  p: w ',
      'Comment: one',
      'Password: two',
      'Website URL: three',
      '',
      '',
      '---',
    );
    const result = parseKpmTextExport(text);
    expect(result).toEqual({
      ok: true,
      value: {
        logins: [
          {
            kind: 'website',
            line: 3,
            name: 'Spaces',
            url: 'example.com',
            loginName: 'a: b',
            login: ' lead',
            password: ' p: w ',
            comment: 'one\nPassword: two\nWebsite URL: three',
          },
        ],
        notes: [],
      },
    });
  });

  it('reads a notes-only export', () => {
    const text = lines('Notes', '', 'Name: 笔记', 'Text: 第一行', '第二行 🎉', '', '---', '');
    expect(parseKpmTextExport(text)).toEqual({
      ok: true,
      value: { logins: [], notes: [{ line: 3, name: '笔记', text: '第一行\n第二行 🎉' }] },
    });
  });

  it('reads applications, which have no URL', () => {
    const text = lines(
      'Applications',
      '',
      'Application: Telegram',
      'Login name: ',
      'Login: +10000000000',
      'Password: x',
      'Comment: ',
      '',
      '---',
      '',
      'Application: Steam',
      'Login name: main',
      'Login: gamer',
      'Password: y',
      'Comment: ',
      '',
      '---',
    );
    const result = parseKpmTextExport(text);
    expect(result.ok && result.value.logins.map((l) => [l.kind, l.name, l.url, l.loginName])).toEqual([
      ['application', 'Telegram', '', ''],
      ['application', 'Steam', '', 'main'],
    ]);
  });

  it('accepts entries without the optional Login name and Comment fields', () => {
    const text = lines(
      'Websites',
      '',
      'Website name: Short',
      'Website URL: https://short.example',
      'Login: u',
      'Password: p',
      '',
      '---',
    );
    const result = parseKpmTextExport(text);
    expect(result.ok && result.value.logins[0]).toMatchObject({ loginName: '', comment: '', password: 'p' });
  });

  it('accepts an empty section followed by another', () => {
    const text = lines('Websites', '', 'Notes', '', 'Name: n', 'Text: t', '', '---');
    expect(parseKpmTextExport(text)).toEqual({
      ok: true,
      value: { logins: [], notes: [{ line: 5, name: 'n', text: 't' }] },
    });
  });
});

describe('parseKpmTextExport on a malformed file gives an error with the line, and nothing else', () => {
  const website = ['Website name: Site', 'Website URL: https://site.example', 'Login name: ', 'Login: me'];
  const cases: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['only blank lines', '\n\n  \n', /empty/],
    [
      'a CSV file',
      'name,url,username,password\nA,https://a.example,u,p\n',
      /Line 1: this is not a Kaspersky/,
    ],
    ['a localised or unknown header', 'Веб-сайты\n\nИмя: x\n', /Line 1: this is not a Kaspersky/],
    [
      'an unknown key inside an entry',
      lines('Websites', '', ...website, 'Passwort: secret', 'Comment: ', '', '---'),
      /Line 7: .*none of the Websites fields/,
    ],
    [
      'keys out of order',
      lines(
        'Websites',
        '',
        'Website name: Site',
        'Login: me',
        'Website URL: https://x.example',
        'Password: p',
        '---',
      ),
      /Line 5: .*'Website URL' field is repeated or out of order/,
    ],
    [
      'a repeated key',
      lines('Websites', '', ...website, 'Password: a', 'Password: b', '---'),
      /Line 8: .*'Password' field is repeated/,
    ],
    [
      'a required key missing',
      lines(
        'Websites',
        '',
        'Website name: Site',
        'Website URL: https://x.example',
        'Login: me',
        'Comment: c',
        '',
        '---',
      ),
      /Line 8: .*has no 'Password' field/,
    ],
    [
      'an entry starting with the wrong key',
      lines('Applications', '', 'Login: me', 'Password: p', '---'),
      /Line 3: an Applications entry should begin with 'Application:'/,
    ],
    [
      'a website layout under Notes',
      lines('Notes', '', ...website, 'Password: p', '---'),
      /Line 3: expected a Notes entry beginning 'Name:'/,
    ],
    [
      'a file cut in the middle of an entry',
      lines('Websites', '', ...website, 'Password: p', 'Comment: half a comm'),
      /ends inside the Websites entry that starts on line 3/,
    ],
    [
      'a file cut in the middle of a header',
      lines('Websites', '', ...website, 'Password: p', '', '---', '', 'Applica'),
      /Line 11: expected a Websites entry beginning 'Website name:' or one of the section headers/,
    ],
    [
      // After a comment, '---' followed by something that is neither an entry nor a header is
      // read as part of the comment, so the entry never closes.
      'a file cut in the middle of a header after a comment',
      lines('Websites', '', ...website, 'Password: p', 'Comment: ', '', '---', '', 'Applica'),
      /ends inside the Websites entry that starts on line 3/,
    ],
    [
      'a file cut right after a header',
      'Websites\n',
      /Line 1: the file ends right after the 'Websites' header/,
    ],
    ['a header and its blank line only', 'Websites\n\n', /Line 1: the file ends after the 'Websites' header/],
    ['a header without its blank line', lines('Notes', 'Name: n', 'Text: t', '---'), /Line 2: .*blank line/],
    [
      'a section repeated',
      lines('Notes', '', 'Name: n', 'Text: t', '---', 'Notes', '', 'Name: m', 'Text: u', '---'),
      /Line 6: the 'Notes' section appears a second time/,
    ],
    ['binary data', 'Websites\n\nWebsite name: \u0000\u0001\u0002', /encrypted backup \(\.edb\).*line 3/s],
    ['text decoded from binary', '\uFFFD\uFFFDkpm\uFFFD', /encrypted backup \(\.edb\).*line 1/s],
  ];

  for (const [what, text, message] of cases) {
    it(`refuses ${what}`, () => {
      const result = parseKpmTextExport(text);
      expect(result.ok).toBe(false);
      expect(result).not.toHaveProperty('value');
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }

  it('never repeats the file content in an error', () => {
    const result = parseKpmTextExport(
      lines('Websites', '', ...website, 'Password: hunter2-secret', 'Secret: hunter3-secret', '---'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toMatch(/hunter|Secret:/);
  });
});

describe('decodeKpmExport and parseKpmExportFile', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8 with and without a BOM', () => {
    expect(parseKpmExportFile(utf8(SAMPLE_EXPORT))).toEqual({ ok: true, value: SAMPLE_VAULT });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE_EXPORT)]);
    expect(parseKpmExportFile(withBom)).toEqual({ ok: true, value: SAMPLE_VAULT });
  });

  it('reads UTF-16LE with a BOM', () => {
    const codeUnits = [0xfeff];
    for (let i = 0; i < SAMPLE_EXPORT.length; i++) codeUnits.push(SAMPLE_EXPORT.charCodeAt(i));
    // Uint16Array is in the platform byte order: little-endian on x64 and arm64, where the tests run.
    const bytes = new Uint8Array(new Uint16Array(codeUnits).buffer);
    expect(parseKpmExportFile(bytes)).toEqual({ ok: true, value: SAMPLE_VAULT });
  });

  it('refuses the encrypted backup (.edb), detected by its content', () => {
    // Stand-in for an encrypted file: bytes that are not valid UTF-8.
    const encrypted = new Uint8Array([
      0x4b, 0x50, 0x4d, 0x00, 0x9f, 0xc3, 0x28, 0xa0, 0xa1, 0xfe, 0x80, 0x81,
    ]);
    expect(decodeKpmExport(encrypted)).toEqual({ ok: false, error: KPM_BACKUP_MESSAGE });
    expect(parseKpmExportFile(encrypted)).toEqual({ ok: false, error: KPM_BACKUP_MESSAGE });
    expect(KPM_BACKUP_MESSAGE).toMatch(/encrypted backup.*export to a text file instead/s);
  });

  it('refuses binary that happens to be valid UTF-8', () => {
    const result = parseKpmExportFile(new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x0a]));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toContain(KPM_BACKUP_MESSAGE);
  });

  it('refuses an empty file', () => {
    expect(decodeKpmExport(new Uint8Array())).toMatchObject({ ok: false });
  });
});
