import { describe, expect, it } from 'vitest';
import { personMessage, Refusal } from './person-message';

describe('personMessage', () => {
  it('says a refusal as it is', () => {
    expect(personMessage(new Refusal('There is no scan yet: scan first, then try again.'))).toBe(
      'There is no scan yet: scan first, then try again.',
    );
  });

  it("says Node's system errors in words, with the path", () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open '/home/x/a.json'"), {
      code: 'ENOENT',
      path: '/home/x/a.json',
    });
    expect(personMessage(missing)).toBe('/home/x/a.json does not exist');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/etc/x' });
    expect(personMessage(denied)).toBe('Handover is not allowed to use /etc/x');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(personMessage(full)).toBe('there is no space left on the disk');
  });

  it("drops Electron's wrapping of an error that crossed IPC", () => {
    expect(
      personMessage(
        new Error("Error invoking remote method 'handover:scan': Error: The scan could not finish"),
      ),
    ).toBe('The scan could not finish');
  });

  it('never answers with nothing, a stack, or a wall of text', () => {
    expect(personMessage(undefined)).toBe('Something went wrong that Handover did not expect.');
    expect(personMessage(new Error(''))).toBe('Something went wrong that Handover did not expect.');
    expect(personMessage({ toString: () => 'an object' })).toBe(
      'Something went wrong that Handover did not expect.',
    );
    const long = personMessage(new Error('x'.repeat(5000)));
    expect(long).toHaveLength(600);
    expect(long.endsWith('…')).toBe(true);
    expect(personMessage(new TypeError('a is undefined'))).toBe('a is undefined');
  });
});
