import { describe, expect, it } from 'vitest';
import { decodePowerShellErrors, decodePowerShellOutput } from './decode-powershell-output';

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

describe('decodePowerShellErrors', () => {
  // PowerShell/PowerShell#5912: `throw 'boom'` run with -EncodedCommand and a redirected stderr.
  const ISSUE_5912 =
    '#< CLIXML\r\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><S S="Error">boom_x000D__x000A_</S><S S="Error">At line:1 char:1_x000D__x000A_</S><S S="Error">+ throw \'boom\'_x000D__x000A_</S><S S="Error">+ ~~~~~~~~~~~~_x000D__x000A_</S><S S="Error">    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException_x000D__x000A_</S><S S="Error">    + FullyQualifiedErrorId : boom_x000D__x000A_</S><S S="Error"> _x000D__x000A_</S></Objs>';

  it('turns the CLIXML error stream into the lines PowerShell would have printed (issue 10 point 4)', () => {
    expect(decodePowerShellErrors(Buffer.from(ISSUE_5912, 'utf8'))).toBe(
      [
        'boom',
        'At line:1 char:1',
        "+ throw 'boom'",
        '+ ~~~~~~~~~~~~',
        '    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException',
        '    + FullyQualifiedErrorId : boom',
      ].join('\r\n'),
    );
  });

  it('drops progress records and ANSI colours (PowerShell/PowerShell#16678, #21373)', () => {
    const text =
      '#< CLIXML\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj S="progress" RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS><I64 N="SourceId">1</I64><PR N="Record"><AV>Preparing modules for first use.</AV><AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC><T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj><S S="Error">_x001B_[91mWrite-Error: _x001B_[91mboomed_x001B_[0m_x000A_</S></Objs>';
    expect(decodePowerShellErrors(Buffer.from(text, 'utf8'))).toBe('Write-Error: boomed');
  });

  it('keeps plain text, and text around CLIXML, unchanged; decodes entities and escaped underscores', () => {
    expect(decodePowerShellErrors(Buffer.from('Get-CimInstance : Invalid namespace \r\n', 'utf8'))).toBe(
      'Get-CimInstance : Invalid namespace \r\n',
    );
    expect(
      decodePowerShellErrors(
        Buffer.from(
          'first\r\n#< CLIXML\r\n<Objs><S S="Error">a &lt;b&gt; &amp; c_x005F_x000D__x000A_</S></Objs>',
          'utf8',
        ),
      ),
    ).toBe('first\r\na <b> & c_x000D_');
  });
});
