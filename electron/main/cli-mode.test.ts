/**
 * The installed app as a command line, with Electron stood in (its binary cannot run here): the
 * real main-process entry and the real CLI bundle, laid out as the package lays them out
 * (out/main beside out/cli), started with --handover-cli, run the command and open nothing.
 */
import { writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { temporaryFolder } from '../../test-support/temporary-folder';
import { captureFromCaseDir } from '../probes/replay/case-capture';
import { DETECTION_CASES } from '../probes/replay/test-support/replayed-scans';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

describe('Handover --handover-cli', () => {
  it('runs the command line in the main process: same output, no window, no lock, no protocol', async () => {
    const dir = await temporaryFolder('app');
    const bundle = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' } as const;
    await Promise.all([
      build({
        ...bundle,
        entryPoints: [resolve(import.meta.dirname, 'index.ts')],
        outfile: join(dir, 'main', 'index.cjs'),
        external: ['electron'],
      }),
      build({
        ...bundle,
        entryPoints: [resolve(import.meta.dirname, '../cli/handover.ts')],
        outfile: join(dir, 'cli', 'handover-main.cjs'),
      }),
    ]);
    const capture = join(dir, 'capture.json');
    await writeFile(
      capture,
      JSON.stringify(await captureFromCaseDir(join(DETECTION_CASES, 'win10-bitdefender-defender-off-thm'))),
    );

    const touched: string[] = [];
    const record = (what: string) => () => {
      touched.push(what);
    };
    const electron = {
      app: {
        requestSingleInstanceLock: () => {
          touched.push('single-instance lock');
          return true;
        },
        on: record('app.on'),
        whenReady: () => new Promise(() => touched.push('whenReady')),
        dock: { hide: record('dock.hide') },
      },
      protocol: { registerSchemesAsPrivileged: record('protocol'), handle: record('protocol') },
      BrowserWindow: class {
        constructor() {
          touched.push('window');
        }
      },
    };
    const moduleWithLoad = Module as unknown as { _load: Loader };
    const originalLoad = moduleWithLoad._load;
    const argv = process.argv;
    const listeners = {
      SIGINT: process.listeners('SIGINT'),
      SIGTERM: process.listeners('SIGTERM'),
      exit: process.listeners('exit'),
    };
    let printed = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
      printed += String(text);
      return true;
    });
    try {
      moduleWithLoad._load = (request, parent, isMain) =>
        request === 'electron' ? electron : originalLoad(request, parent, isMain);
      process.argv = [
        process.execPath,
        '--handover-cli',
        'scan',
        '--json',
        '--replay',
        capture,
        '--region',
        'US',
      ];
      createRequire(import.meta.url)(join(dir, 'main', 'index.cjs'));
      await vi.waitFor(() => expect(printed).toContain('"format": "handover.scan-result"'), {
        timeout: 10_000,
      });
    } finally {
      write.mockRestore();
      moduleWithLoad._load = originalLoad;
      process.argv = argv;
      // The CLI bound Ctrl+C, SIGTERM and exit cleanup to this (test) process: unbind them.
      const emitter = process as unknown as NodeJS.EventEmitter;
      for (const event of ['SIGINT', 'SIGTERM', 'exit'] as const)
        for (const listener of emitter.listeners(event))
          if (!(listeners[event] as unknown[]).includes(listener))
            emitter.removeListener(event, listener as () => void);
    }
    await vi.waitFor(() => expect(process.exitCode).toBe(0));
    process.exitCode = undefined;
    expect(JSON.parse(printed)).toMatchObject({ verdict: { level: 'protected' } });
    expect(touched).toEqual(['dock.hide']);
  }, 60_000);
});
