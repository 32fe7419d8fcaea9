/**
 * Binds the handler table to IPC: one channel per Api method, each call checked first; a refused
 * call is answered like any other failure (contract.ts, Outcome), never thrown across.
 */
import { ipcMain } from 'electron';
import { API_METHODS, channelFor } from '../api/channels';
import type { Api } from '../api/contract';
import { failed } from '../api/outcome';
import { checkCall } from './ipc-guard';

export function bindApi(handlers: Api, onRefused: (error: string) => void): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), async (event, ...args: unknown[]) => {
      const check = checkCall(method, event.senderFrame?.url, args);
      if (!check.ok) {
        onRefused(check.error);
        return failed(check.error);
      }
      const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
      return handler(...check.args);
    });
  }
}
