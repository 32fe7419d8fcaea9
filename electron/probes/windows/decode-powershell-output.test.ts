import { describe, expect, it } from 'vitest';
import { decodePowerShellOutput } from './decode-powershell-output';

// Publisher of the Russian KES 10 entry [S37] and Huorong's WSC displayName [S25].
const TEXT = '{"Publisher":"\\"Лаборатория Касперского\\"","displayName":"火绒安全软件"}';

const utf8 = Buffer.from(TEXT, 'utf8');
const utf16le = Buffer.from(TEXT, 'utf16le');
const utf16be = Buffer.from(utf16le).swap16();

describe('decodePowerShellOutput', () => {
  it.each([
    ['UTF-8 without BOM', utf8],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
    ['UTF-16LE without BOM', utf16le],
    ['UTF-16BE without BOM', utf16be],
  ])('keeps Cyrillic and CJK names in %s', (_name, bytes) => {
    expect(decodePowerShellOutput(bytes)).toBe(TEXT);
  });

  it('decodes empty output and ignores a dangling odd byte of UTF-16', () => {
    expect(decodePowerShellOutput(Buffer.alloc(0))).toBe('');
    expect(
      decodePowerShellOutput(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le, Buffer.from([0x41])])),
    ).toBe(TEXT);
  });

  it('does not mistake UTF-8 Cyrillic for UTF-16 (no NUL bytes)', () => {
    expect(decodePowerShellOutput(Buffer.from('Лаборатория Касперского', 'utf8'))).toBe(
      'Лаборатория Касперского',
    );
  });
});
