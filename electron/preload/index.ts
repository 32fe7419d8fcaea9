/**
 * The preload: exposes the Api to the window as one frozen object of invoke-only methods,
 * built from the fixed method list. No raw ipcRenderer, no arbitrary channels, no events
 * (Electron security checklist item 20). Bundled to CommonJS: a sandboxed preload cannot be ESM.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, BRIDGE_NAME, channelFor } from '../api/channels';
import { failed } from '../api/outcome';
import { personMessage } from '../core/util/person-message';

const bridge = Object.freeze(
  Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      // Every call ends in an Outcome (contract.ts): a failure of IPC itself is answered as one too.
      (...args: unknown[]) =>
        ipcRenderer
          .invoke(channelFor(method), ...args)
          .catch((error: unknown) => failed(personMessage(error))),
    ]),
  ),
);

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
