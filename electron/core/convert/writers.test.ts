/**
 * Golden output of each writer for one small vault. The vault contents are made-up test data
 * written in the real export format (kpm-sample-export.ts); no real export is used.
 */
import { describe, expect, it } from 'vitest';
import { writeBitwardenCsv } from './bitwarden-csv';
import { writeChromeCsv } from './chrome-csv';
import { browserUrl, displayName, loginTitle } from './converted-file';
import { writeFirefoxCsv } from './firefox-csv';
import { SAMPLE_EXPORT } from './kpm-sample-export';
import { type KpmLogin, type KpmVault, parseKpmTextExport } from './kpm-text-export';
import { writeOnePasswordCsv } from './onepassword-csv';

function vaultOf(text: string): KpmVault {
  const result = parseKpmTextExport(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const sample = vaultOf(SAMPLE_EXPORT);
const notesOnly = vaultOf('Notes\n\nName: Только заметка\nText: строка 1\nстрока 2\n\n---\n');

const COMMENT = '"Recovery codes are in the drawer.\n\nSecond line, after a blank one, with a comma."';
const NOTES_SKIPPED = (browser: string) => [
  { name: 'Wi-Fi 📶', reason: `a note: ${browser} has no place for notes` },
  { name: 'Empty note', reason: `a note: ${browser} has no place for notes` },
];

describe('writeBitwardenCsv', () => {
  it('writes every login and note', () => {
    expect(writeBitwardenCsv(sample)).toEqual({
      fileName: 'kaspersky-to-bitwarden.csv',
      content:
        'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n' +
        `,,login,Example Mail: Work,${COMMENT},,,https://mail.example.com,anna@example.com,"Qw,e""rty 1",\r\n` +
        ',,login,Пример,,,,пример.example,иван,пароль🔑,\r\n' +
        ',,login,記事アプリ,,,,,taro,=1+2,\r\n' +
        ',,login,Router,,,,,admin,,\r\n' +
        ',,note,Wi-Fi 📶,"Network: home\nPassword: not-a-field-here\n---\nstill the note",,,,,,\r\n' +
        ',,note,Empty note,,,,,,,\r\n',
      written: 6,
      skipped: [],
      partial: [],
    });
  });

  it('writes a notes-only export as notes', () => {
    expect(writeBitwardenCsv(notesOnly).content).toBe(
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n' +
        ',,note,Только заметка,"строка 1\nстрока 2",,,,,,\r\n',
    );
  });

  it('quotes a login_uri holding a comma for the importer, which reads that column as a CSV row', () => {
    const vault = vaultOf(
      'Websites\n\nWebsite name: Q\nWebsite URL: https://q.example/?a=1,2\nLogin: u\nPassword: p\n\n---\n',
    );
    expect(writeBitwardenCsv(vault).content.split('\r\n')[1]).toBe(
      ',,login,Q,,,,"""https://q.example/?a=1,2""",u,p,',
    );
  });
});

describe('writeOnePasswordCsv', () => {
  it('writes every login, and skips notes', () => {
    expect(writeOnePasswordCsv(sample)).toEqual({
      fileName: 'kaspersky-to-1password.csv',
      content:
        'Title,Website,Username,Password,Notes\r\n' +
        `Example Mail: Work,https://mail.example.com,anna@example.com,"Qw,e""rty 1",${COMMENT}\r\n` +
        'Пример,пример.example,иван,пароль🔑,\r\n' +
        '記事アプリ,,taro,=1+2,\r\n' +
        'Router,,admin,,\r\n',
      written: 4,
      skipped: [
        {
          name: 'Wi-Fi 📶',
          reason:
            "a note: 1Password's CSV import takes one kind of item per file, and this file holds logins",
        },
        {
          name: 'Empty note',
          reason:
            "a note: 1Password's CSV import takes one kind of item per file, and this file holds logins",
        },
      ],
      partial: [],
    });
  });
});

describe('writeChromeCsv', () => {
  it('writes website logins with an address, and says why the rest is skipped', () => {
    expect(writeChromeCsv(sample)).toEqual({
      fileName: 'kaspersky-to-chrome.csv',
      content:
        'name,url,username,password,note\r\n' +
        `Example Mail: Work,https://mail.example.com,anna@example.com,"Qw,e""rty 1",${COMMENT}\r\n` +
        'Пример,https://пример.example,иван,пароль🔑,\r\n',
      written: 2,
      skipped: [
        { name: '記事アプリ', reason: 'an application login: Chrome imports only logins for websites' },
        { name: 'Router', reason: 'not tied to a website: Chrome imports only logins for websites' },
        ...NOTES_SKIPPED('Chrome'),
      ],
      partial: [],
    });
  });

  it('writes only the header for a notes-only export', () => {
    expect(writeChromeCsv(notesOnly)).toMatchObject({
      content: 'name,url,username,password,note\r\n',
      written: 0,
      skipped: [{ name: 'Только заметка', reason: 'a note: Chrome has no place for notes' }],
    });
  });
});

describe('writeFirefoxCsv', () => {
  it('writes website logins with an address, and lists the comments left behind', () => {
    expect(writeFirefoxCsv(sample)).toEqual({
      fileName: 'kaspersky-to-firefox.csv',
      content:
        'url,username,password\r\n' +
        'https://mail.example.com,anna@example.com,"Qw,e""rty 1"\r\n' +
        'https://пример.example,иван,пароль🔑\r\n',
      written: 2,
      skipped: [
        { name: '記事アプリ', reason: 'an application login: Firefox imports only logins for websites' },
        { name: 'Router', reason: 'not tied to a website: Firefox imports only logins for websites' },
        ...NOTES_SKIPPED('Firefox'),
      ],
      partial: [{ name: 'Example Mail: Work', reason: 'its comment: Firefox keeps no notes with a login' }],
    });
  });
});

describe('browser writers skip what the browsers refuse', () => {
  const vault = vaultOf(
    [
      'Websites',
      '',
      'Website name: No address',
      'Website URL: ',
      'Login: u',
      'Password: p',
      '',
      '---',
      '',
      'Website name: ',
      'Website URL: https://nameless.example',
      'Login: u',
      'Password: ',
      '',
      '---',
      '',
      'Website name: App link',
      'Website URL: android://com.example.app',
      'Login: u',
      'Password: p',
      '',
      '---',
      '',
    ].join('\n'),
  );

  it('gives each one a reason and writes none of them', () => {
    const chrome = writeChromeCsv(vault);
    expect(chrome.written).toBe(0);
    expect(chrome.content).toBe('name,url,username,password,note\r\n');
    expect(chrome.skipped).toEqual([
      { name: 'No address', reason: 'no website address: Chrome imports only logins for websites' },
      {
        name: '(no name, line 10 of the export)',
        reason: 'no password: Chrome does not import a login without one',
      },
      { name: 'App link', reason: 'its website address is not an http or https address Chrome can use' },
    ]);
    expect(writeFirefoxCsv(vault).written).toBe(0);
  });
});

describe('values are written exactly', () => {
  const awkward = [
    '=SUM(A1:A2)',
    '+1',
    '-x',
    '@y',
    ' leading and trailing ',
    'tab\tinside',
    'quote " and ""',
    'comma, and ; semicolon',
    "'apostrophe",
    'пароль 密码 🔐',
  ];
  const vault: KpmVault = {
    logins: awkward.map(
      (password, i): KpmLogin => ({
        kind: 'website',
        line: i + 1,
        name: `Site ${i}`,
        url: `https://s${i}.example`,
        loginName: '',
        login: `user${i}`,
        password,
        comment: `line one\r\nline two ${password}`,
      }),
    ),
    notes: [],
  };

  for (const write of [writeBitwardenCsv, writeOnePasswordCsv, writeChromeCsv, writeFirefoxCsv]) {
    it(`${write.name} round-trips every password through an RFC 4180 reader`, () => {
      const [header, ...rows] = readCsv(write(vault).content);
      const column = header?.findIndex((h) => /^(login_)?password$/i.test(h)) ?? -1;
      expect(column).toBeGreaterThanOrEqual(0);
      expect(rows.map((row) => row[column])).toEqual(awkward);
    });
  }
});

describe('shared rules', () => {
  const login = (name: string, loginName: string) =>
    ({ name, loginName, line: 7 }) as Pick<KpmLogin, 'name' | 'loginName' | 'line'> as KpmLogin;

  it("titles a login as Bitwarden's Kaspersky importer does", () => {
    expect(loginTitle(login('Site', 'Work'))).toBe('Site: Work');
    expect(loginTitle(login('Site', ''))).toBe('Site');
    expect(loginTitle(login('', 'Work'))).toBe('Work');
    expect(displayName('', 7)).toBe('(no name, line 7 of the export)');
  });

  it('gives a bare host a scheme for the browsers, and keeps other addresses as written', () => {
    expect(browserUrl('example.com')).toBe('https://example.com');
    expect(browserUrl(' example.com/login?x=1 ')).toBe('https://example.com/login?x=1');
    expect(browserUrl('http://intranet.local:8080/a')).toBe('http://intranet.local:8080/a');
    expect(browserUrl('HTTPS://Example.COM')).toBe('HTTPS://Example.COM');
    expect(browserUrl('')).toBeUndefined();
    expect(browserUrl('android://com.example.app')).toBeUndefined();
    expect(browserUrl('ftp://files.example')).toBeUndefined();
    expect(browserUrl('not a url')).toBeUndefined();
  });
});

/** A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error('unterminated quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
}
