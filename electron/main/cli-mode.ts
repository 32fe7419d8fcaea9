/**
 * The installed app as a command line (issue 13 §1): `Handover.exe --handover-cli scan --json`
 * runs the same command line as `npx handover scan --json`, with the same output and exit
 * codes, and opens no window. The launchers shipped beside the app (build/launchers/, installed
 * as resources/bin/handover.cmd on Windows and resources/bin/handover on macOS and Linux) pass
 * the flag, so a script calls them by full path (README, "The command line in the installed app").
 *
 * Why not ELECTRON_RUN_AS_NODE, as VS Code's bin/code and GitHub Desktop's github.bat do: it
 * needs the RunAsNode fuse, which Handover keeps off (build/electron-fuses.test.ts), because it
 * lets anyone run any script with the app's identity. Here the app's own main process, loaded
 * from its own asar, runs its own command line and nothing else.
 *
 * Standard output on Windows, where the app is a GUI-subsystem program: Electron's wWinMain
 * calls base::RouteStdioToConsole(false) unless ELECTRON_NO_ATTACH_CONSOLE is set
 * (shell/app/electron_main_win.cc, "Make sure the output is printed to console"). That keeps
 * standard handles a caller redirected (a pipe or file: Intune, an RMM agent, a scheduled task,
 * `> out.json`), and otherwise attaches to the parent's console. cmd.exe does not wait for a GUI
 * program typed at its prompt, but does inside a batch file ("This new behavior does NOT occur
 * if executing within a command script", cmd's `start /?`), which is why the Windows launcher is
 * a .cmd file: cmd waits, the output lands in order, and %ERRORLEVEL% is the exit code.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const CLI_FLAG = '--handover-cli';

/** Whether the app was started as a command line. */
export const isCliMode = (argv: readonly string[]) => argv.includes(CLI_FLAG);

/**
 * Runs the command line bundle (out/cli/handover-main.cjs, packed in the app's asar beside
 * out/main) in this process. It reads its arguments after CLI_FLAG and ends the process itself.
 */
export function runCliMode(mainDir: string, app: { readonly dock?: { hide(): void } }): void {
  // macOS: a command line shows no Dock icon.
  app.dock?.hide();
  createRequire(join(mainDir, 'index.cjs'))(join(mainDir, '..', 'cli', 'handover-main.cjs'));
}
