import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelFor } from '../api/channels';
import type { Api } from '../api/contract';

const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();

// In plain Node, importing 'electron' would try to download the binary: replace it.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      registered.set(channel, handler),
  },
}));

const { bindApi } = await import('./ipc');

const handlers = {
  appInfo: vi.fn(async () => ({
    kind: 'done',
    value: { version: '0.1.0', platform: 'linux', host: 'electron' },
  })),
  scan: vi.fn(),
  startScan: vi.fn(async () => ({ kind: 'done', value: { scanId: 'scan-1' } })),
  getScanProgress: vi.fn(),
} as unknown as Api;
const refused: string[] = [];
bindApi(handlers, (error) => refused.push(error));

const fromApp = { senderFrame: { url: 'app://handover/index.html' } };

describe('bindApi', () => {
  it('registers exactly one channel per Api method', () => {
    expect([...registered.keys()].sort()).toEqual(API_METHODS.map(channelFor).sort());
  });

  it('calls the handler for our own window with valid arguments', async () => {
    await expect(registered.get('handover:startScan')?.(fromApp, { region: 'US' })).resolves.toEqual({
      kind: 'done',
      value: { scanId: 'scan-1' },
    });
    expect(handlers.startScan).toHaveBeenCalledWith({ region: 'US' });
  });

  it('refuses another sender and invalid arguments, without calling the handler', async () => {
    const foreign = { senderFrame: { url: 'https://example.com/' } };
    // Refused like any other failure: an Outcome, never an exception across IPC.
    expect(await registered.get('handover:appInfo')?.(foreign)).toEqual({
      kind: 'failed',
      message: "Refused appInfo: the sender is not Handover's window",
    });
    expect(await registered.get('handover:startScan')?.(fromApp, { region: 'United States' })).toEqual({
      kind: 'failed',
      message: 'Refused startScan: invalid arguments',
    });
    expect(handlers.appInfo).not.toHaveBeenCalled();
    expect(refused).toHaveLength(2);
  });
});
