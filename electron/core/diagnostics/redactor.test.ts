import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog';
import { catalogWords } from './catalog-words';
import { findPersonalTerms, userNamesInPaths } from './personal-terms';
import { createRedactor } from './redactor';

const redactorFor = (values: unknown[], hostName?: string, protectedWords: string[] = []) =>
  createRedactor(findPersonalTerms(hostName, values), { protectedWords });

describe('findPersonalTerms', () => {
  it('finds user names in every spelling of a home path', () => {
    expect(
      userNamesInPaths(
        'C:\\Users\\Alice\\x C:\\\\Users\\\\bob\\\\y /home/carol/z /Users/dave C%3A%5CUsers%5Cerin%5Cf %2Fhome%2Ffrank%2F ' +
          'C:\\Documents and Settings\\Gina Lopez\\Desktop C:\\Users\\<user>\\AppData C:\\Users\\Public\\Desktop',
      ),
    ).toEqual(['Alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'Gina Lopez']);
  });

  it('does not take a product phrase for a path ("Home/Office")', () => {
    expect(userNamesInPaths('Kaspersky Small Office Security for Home/Office')).toEqual([]);
  });

  it('reads names from name fields, home variables and host names, without the shared folders', () => {
    const terms = findPersonalTerms('alice-pc.corp.example', [
      { env: { USER: 'alice', HOME: '/home/alice2', COMPUTERNAME: 'ALICE-PC' }, p: 'C:\\Users\\Public\\x' },
      { data: { CSName: 'OTHER-PC', RegisteredUser: 'Alice Smith' } },
      { '/home/keyname/x': 1 },
    ]);
    expect(terms.hostNames).toEqual(['alice-pc.corp.example', 'alice-pc', 'OTHER-PC']);
    expect([...terms.userNames].sort()).toEqual(['alice', 'alice2', 'Alice Smith', 'keyname'].sort());
  });
});

describe('createRedactor', () => {
  it('gives the same name the same token in every spelling and case, and home paths keep their shape', () => {
    const r = redactorFor(['C:\\Users\\Alice\\x', '/home/bob/y']);
    expect(
      r.text('C:\\Users\\ALICE\\AppData\\Local and /home/Bob/.cache, alice again, C:\\\\Users\\\\alice'),
    ).toBe('C:\\Users\\user-1\\AppData\\Local and /home/user-2/.cache, user-1 again, C:\\\\Users\\\\user-1');
    expect(r.text('file:///C:%5CUsers%5CAlice%5Cdoc.txt')).toBe('file:///C:%5CUsers%5Cuser-1%5Cdoc.txt');
  });

  it('replaces a short or common user name only in its home path, never inside other text', () => {
    const r = redactorFor(['C:\\Users\\a\\x', '/home/admin/y']);
    expect(
      r.text('C:\\Users\\a\\AppData a Kaspersky Anti-Virus admin console /home/admin/.x /home/adminx'),
    ).toBe('C:\\Users\\user-1\\AppData a Kaspersky Anti-Virus admin console /home/user-2/.x /home/adminx');
  });

  it('replaces whole words only, not parts of words', () => {
    const r = redactorFor(['/home/ann/x', '/home/marguerite/x']);
    expect(r.text('Marguerite marguerites marguerite_x xmarguerite marguerite-pc')).toBe(
      'user-2 marguerites marguerite_x xmarguerite user-2-pc',
    );
  });

  it('never replaces a word of a product or vendor name, except in the home path', () => {
    const words = catalogWords(loadCatalog());
    expect(words).toEqual(expect.arrayContaining(['norton', 'kaspersky', 'bitdefender']));
    const r = redactorFor(['C:\\Users\\Norton\\x'], undefined, words);
    expect(r.text('Norton Security C:\\Users\\Norton\\AppData\\Local\\Norton')).toBe(
      'Norton Security C:\\Users\\user-1\\AppData\\Local\\Norton',
    );
  });

  it('replaces host names, e-mail addresses and SIDs, and leaves versions and vendor text alone', () => {
    const r = redactorFor([], 'DESKTOP-7H3K2L9.corp.example');
    expect(
      r.text(
        'desktop-7h3k2l9 / DESKTOP-7H3K2L9.corp.example: Alice.Smith@Example.com alice.smith%40example.com ' +
          'S-1-5-21-1004336348-1177238915-682003330-1001 S-1-5-18 getty@tty1.service AppIcon@2x.png 21.2.16.590',
      ),
    ).toBe(
      'host-1 / host-1: email-1@example.invalid email-1@example.invalid sid-1 S-1-5-18 getty@tty1.service AppIcon@2x.png 21.2.16.590',
    );
  });

  it('replaces a name field whole, however common the name', () => {
    const r = redactorFor([]);
    expect(
      r.json({ hostname: 'ubuntu', USERNAME: 'admin', user: '<user>', product: 'ubuntu admin' }),
    ).toEqual({
      hostname: 'host-1',
      USERNAME: 'user-1',
      user: '<user>',
      product: 'ubuntu admin',
    });
  });

  it('redacts keys, keeps structural fields, and never lets a prototype key through', () => {
    const r = redactorFor(['/home/alice/x']);
    const input = JSON.parse(
      '{"format":"alice","/home/alice/k":"alice","__proto__":{"polluted":true},"list":["alice",1,null]}',
    );
    const out = r.json(input) as Record<string, unknown>;
    expect(out).toEqual({ format: 'alice', '/home/user-1/k': 'user-1', list: ['user-1', 1, null] });
    expect(Object.hasOwn(out, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('masks names in binary content with the same number of bytes, ASCII and UTF-16BE', () => {
    const r = redactorFor(['/home/marguerite/x'], 'host-pc9');
    const ascii = new TextEncoder().encode('\x00bplist00 /home/marguerite/.plist host-pc9\x01');
    const wide = new Uint8Array([0x01, ...[...'Marguerite'].flatMap((c) => [0, c.charCodeAt(0)])]);
    const bytes = new Uint8Array([...ascii, ...wide]);
    const base64 = btoa(String.fromCharCode(...bytes));
    const masked = Uint8Array.from(atob(r.binary(base64)), (c) => c.charCodeAt(0));
    expect(masked.length).toBe(bytes.length);
    const latin1 = String.fromCharCode(...masked);
    expect(latin1).toContain('/home/**********/.plist ********');
    expect(latin1.toLowerCase()).not.toContain('marguerite');
    expect(latin1).not.toContain('M\x00a');
    const clean = btoa('nothing personal');
    expect(r.binary(clean)).toBe(clean);
  });

  it('without free words, replaces names only in paths and name fields', () => {
    const terms = findPersonalTerms('laptop9', ['/home/marguerite/x']);
    const r = createRedactor(terms, { protectedWords: [], freeWords: false });
    expect(r.text('/home/marguerite/x marguerite laptop9')).toBe('/home/user-1/x marguerite laptop9');
    expect(r.json({ hostname: 'laptop9' })).toEqual({ hostname: 'host-1' });
  });
});

/**
 * What the redaction used to miss (issue 12 §4, point 2). Each case is one way a file can write a
 * personal detail that the first redactor did not recognise.
 */
describe('createRedactor: the spellings it used to miss (issue 12 §4, point 2)', () => {
  const bytesOf = (text: string) => new TextEncoder().encode(text);
  const utf16le = (text: string) =>
    Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
  const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

  it('hides Entra ID user SIDs (S-1-12-1-…), as it hides local and domain ones', () => {
    // The form of an Entra ID (Azure AD) account's SID: S-1-12-1 and four 32-bit numbers
    // (Microsoft, "Security identifiers", well-known SID structures; seen in every Entra-joined
    // profile under HKLM\...\ProfileList).
    const r = redactorFor([]);
    expect(
      r.text('profile S-1-12-1-3215712306-1220497853-3174153638-2811473467 and S-1-5-21-1-2-3-1001'),
    ).toBe('profile sid-1 and sid-2');
    expect(r.summary().accountIds).toBe(2);
  });

  it('finds and hides a name with an apostrophe, straight or typographic', () => {
    const terms = findPersonalTerms(undefined, ["C:\\Users\\O'Brien\\AppData\\Local\\x.log"]);
    expect(terms.userNames).toEqual(["O'Brien"]);
    const r = createRedactor(terms, { protectedWords: [] });
    expect(r.text("C:\\Users\\O'Brien\\Desktop, /home/o'brien/x, O’Brien wrote it, 'obrien' stays")).toBe(
      "C:\\Users\\user-1\\Desktop, /home/user-1/x, user-1 wrote it, 'obrien' stays",
    );
    // Quoted paths still end at the quote.
    expect(userNamesInPaths("open '/Users/alice' failed")).toEqual(['alice']);
  });

  it('finds and hides a name written as URL-encoded UTF-8', () => {
    const url = 'file:///C:/Users/J%C3%B6rg%20M%C3%BCller/Downloads/kts21.exe';
    const terms = findPersonalTerms(undefined, [url]);
    expect(terms.userNames).toEqual(['Jörg Müller']);
    const r = createRedactor(terms, { protectedWords: [] });
    expect(r.text(url)).toBe('file:///C:/Users/user-1/Downloads/kts21.exe');
    expect(r.text('q=j%c3%b6rg+m%c3%bcller&x=1 C%3A%5CUsers%5CJ%C3%B6rg%20M%C3%BCller%5Cx')).toBe(
      'q=user-1&x=1 C%3A%5CUsers%5Cuser-1%5Cx',
    );
  });

  it('hides a name inside a hex registry value (the scan script writes binary values as hex), ASCII or UTF-16', () => {
    const r = redactorFor(['C:\\Users\\Marguerite\\x']);
    const ascii = hex(bytesOf('C:\\Users\\Marguerite\\'));
    const wide = hex(utf16le('C:\\Users\\Marguerite\\'));
    const maskedAscii = hex(bytesOf('C:\\Users\\**********\\'));
    const maskedWide = hex(utf16le('C:\\Users\\**********\\'));
    expect(r.json({ MRU: ascii, Last: wide.toUpperCase(), FileTime: '00d0b4ab2f42db01' })).toEqual({
      MRU: maskedAscii,
      Last: maskedWide.toUpperCase(),
      FileTime: '00d0b4ab2f42db01',
    });
  });

  it('finds a name that only a hex or UTF-16 value holds', () => {
    const wide = hex(utf16le('C:\\Users\\Marguerite\\Documents\\x.txt'));
    expect(findPersonalTerms(undefined, [{ Value: wide }]).userNames).toEqual(['Marguerite']);
  });

  it('hides a name inside a base64 blob, keeping the blob the same length', () => {
    const blob = base64(utf16le('C:\\Users\\Marguerite\\AppData\\Local\\Temp\\'));
    const text = `data=${blob};`;
    const terms = findPersonalTerms(undefined, [text]);
    expect(terms.userNames).toEqual(['Marguerite']);
    const redacted = createRedactor(terms, { protectedWords: [] }).text(text);
    expect(redacted).toBe(`data=${base64(utf16le('C:\\Users\\**********\\AppData\\Local\\Temp\\'))};`);
    expect(redacted.length).toBe(text.length);
  });

  it.each([
    'marguerite.dupont (at) example-mail.fr',
    'marguerite.dupont [at] example-mail.fr',
    'marguerite.dupont{at}example-mail.fr',
    'marguerite.dupont&#64;example-mail.fr',
    'marguerite.dupont&#x40;example-mail.fr',
    'marguerite.dupont%40example-mail.fr',
    'marguerite.dupont\\u0040example-mail.fr',
    'marguerite.dupont [at] example-mail [dot] fr',
  ])('hides an e-mail address written as %s', (written) => {
    const r = redactorFor([]);
    expect(r.text(`mail ${written}, or marguerite.dupont@example-mail.fr`)).toBe(
      'mail email-1@example.invalid, or email-1@example.invalid',
    );
  });
});
