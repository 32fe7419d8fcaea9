/**
 * The actions of the guided migration as the window reaches them: a preview says exactly what
 * would run (or why it cannot, and what to do instead) and hands out a single-use token; only
 * confirmAction with that token runs it (electron/actions does the running, the logging and the
 * checks against the latest scan). What a run changes in the journey goes back to the journey's
 * state machine as an event.
 *
 * Enforced here, in the main process, whatever the window does (issue 12 §4, point 3): confirmAction
 * runs nothing without the token of a preview this table handed out, and each token once, within
 * its time (the actions' own single-use books, actions/confirmations.ts, check it again); a token
 * runs only the action it was issued for. The ids a call carries are checked against the current
 * plan: a removal only of a product the plan removes, a download page only of an alternative
 * offered for this computer (or the one chosen).
 */
import { officialLink } from '../core/catalog/alternative-evidence';
import { type AlternativeChoice, isVendorUrl } from '../core/catalog/load-alternatives';
import type { MigrationPlan } from '../core/plan/build-plan';
import type { JourneyEvent } from '../core/plan/journey';
import { Refusal } from '../core/util/person-message';
import type { ActionPreview, ActionResult, Api, Outcome, ScanResult } from './contract';
import type { MigrationDeps } from './journey-deps';
import { done, failed } from './outcome';

export type ActionApi = Pick<
  Api,
  'previewRemoval' | 'previewRestartResume' | 'previewSignatureUpdate' | 'confirmAction' | 'openDownloadPage'
>;

/** Which action a token confirms: tokens are issued by the actions; this routes them back. */
type PendingAction =
  | { readonly kind: 'uninstall'; readonly detectionId: string }
  | { readonly kind: 'linux-remove'; readonly detectionId: string }
  | { readonly kind: 'restart-resume' }
  | { readonly kind: 'signature-update' };

/** A preview of something that cannot run here: why, and what to do instead. */
const cannotRun = (title: string, why: string): Outcome<ActionPreview> =>
  done({ token: null, title, command: null, notes: [], cannotRun: why });

/**
 * Why Handover will not start a registered uninstaller, the command as text, and the vendor's own
 * route. Settings › Apps would run the same registered command, so it is offered only as "if you
 * trust what is registered"; for Kaspersky, its own removal tool comes first (migration-facts.md
 * §3.1: kavremover, Kaspersky's utility for complete removal).
 */
function refusedUninstaller(
  detection: { readonly name: string; readonly vendor: string; readonly vendorId: string | null },
  registered: string | null,
  why: string,
): string {
  const text = registered ? ` Windows has it registered as: ${registered} (shown here only as text).` : '';
  const route =
    detection.vendorId === 'kaspersky'
      ? "Kaspersky's own removal tool, kavremover, from Kaspersky's support site"
      : `the removal tool on ${detection.vendor}'s own support site`;
  return `${why}${text} Remove ${detection.name} with ${route}, or in Settings › Apps › Installed apps if you trust ${registered ? 'that command' : 'it'}.`;
}

/** The journey event a finished action is, if it changes the journey. */
function eventOf(action: PendingAction, ran: boolean, restartNeeded: boolean): JourneyEvent | null {
  switch (action.kind) {
    case 'restart-resume':
      return ran ? { kind: 'restart-registered' } : null;
    case 'signature-update':
      return null;
    case 'uninstall':
    case 'linux-remove':
      return { kind: 'removal-finished', detectionId: action.detectionId, removed: ran, restartNeeded };
  }
}

export function createActionHandlers(options: {
  readonly deps: MigrationDeps;
  readonly latestResult: () => ScanResult | null;
  /** The plan the window shows now (null before a scan): what the ids of a call are checked against. */
  readonly currentPlan: () => Promise<MigrationPlan | null>;
  /** The alternatives offered for this computer now. */
  readonly choices: () => readonly AlternativeChoice[];
  /** Hands what a run changed to the journey (its state machine saves it). */
  readonly record: (event: JourneyEvent) => Promise<void>;
  /** Why the pre-flight says the move must not start yet, or null (issue 12 §3). */
  readonly blockedBy: () => Promise<string | null>;
}): ActionApi {
  const { deps } = options;
  const pending = new Map<string, PendingAction>();

  function detectionIn(detectionId: string) {
    const detection = options.latestResult()?.detections.find((d) => d.id === detectionId);
    if (!detection) throw new Refusal(`The latest scan did not find "${detectionId}" on this computer`);
    return detection;
  }

  /** Runs the confirmed action: its result, or why it did not work, and whether it ran at all. */
  async function run(
    action: PendingAction,
    token: string,
  ): Promise<{ ran: boolean; answer: Outcome<ActionResult> }> {
    const fail = (message: string) => ({ ran: false, answer: failed(message) });
    switch (action.kind) {
      case 'signature-update': {
        const ran = await deps.signatureUpdate.run(token);
        if (!ran.ok) return fail(ran.error);
        if (!ran.value.ok) return fail(ran.value.message);
        return {
          ran: true,
          answer: done({ message: ran.value.message, restartNeeded: false, rescan: true }),
        };
      }
      case 'restart-resume': {
        const registered = await deps.restartResume.register(token);
        if (!registered.ok) return fail(registered.error);
        const message = 'Handover will open once after the restart and carry on.';
        return { ran: true, answer: done({ message, restartNeeded: false, rescan: false }) };
      }
      case 'uninstall':
      case 'linux-remove': {
        const removal =
          action.kind === 'uninstall' ? await deps.uninstall.run(token) : await deps.linuxRemove.run(token);
        if (!removal.ok) return fail(removal.error);
        const { result, message, rescan } = removal.value;
        if (result !== 'removed' && result !== 'restart-needed' && result !== 'finished')
          return fail(message);
        const restartNeeded = 'restartNeeded' in removal.value ? removal.value.restartNeeded : false;
        return { ran: true, answer: done({ message, restartNeeded, rescan }) };
      }
    }
  }

  return {
    async previewRemoval(detectionId) {
      const detection = detectionIn(detectionId);
      const plan = await options.currentPlan();
      if (!plan?.removals.some((r) => r.detectionId === detectionId))
        throw new Refusal(`${detection.name} is not one of the products this move removes`);
      const title = `Remove ${detection.name}`;
      const blocked = await options.blockedBy();
      if (blocked) return cannotRun(title, `Not yet, the check before the move says: ${blocked}`);
      const platform = options.latestResult()?.machine.platform;
      if (platform === 'windows') {
        const entry = detection.uninstallEntries.find((e) => e.uninstallString || e.productCode);
        if (!entry)
          return cannotRun(
            title,
            `Windows has no uninstaller registered for ${detection.name}. Open Settings › Apps › Installed apps and uninstall it there${detection.vendorId === 'kaspersky' ? "; if that fails, use Kaspersky's removal tool, kavremover" : ''}.`,
          );
        const preview = await deps.uninstall.preview({ detectionId, entry });
        if (!preview.ok)
          return cannotRun(
            title,
            refusedUninstaller(detection, entry.uninstallString ?? entry.quietUninstallString, preview.error),
          );
        pending.set(preview.value.token, { kind: 'uninstall', detectionId });
        return done({
          token: preview.value.token,
          title,
          command: preview.value.command.display,
          notes: preview.value.notes,
          cannotRun: null,
        });
      }
      if (platform === 'linux') {
        const entry = detection.uninstallEntries.find(
          (e) => (e.registry === 'dpkg' || e.registry === 'rpm') && e.identifier,
        );
        if (!entry?.identifier)
          return cannotRun(
            title,
            `${detection.name} was not installed as a package, so remove it with its own uninstaller.`,
          );
        const preview = await deps.linuxRemove.preview({ detectionId, packageName: entry.identifier });
        if (!preview.ok) return cannotRun(title, preview.error);
        if (preview.value.token) pending.set(preview.value.token, { kind: 'linux-remove', detectionId });
        return done({
          token: preview.value.token ?? null,
          title,
          command: preview.value.display,
          notes: [`In a terminal the same is: ${preview.value.terminalCommand}`],
          cannotRun: preview.value.runnable
            ? null
            : (preview.value.whyNotRunnable ?? 'Handover cannot run it here.'),
        });
      }
      return cannotRun(
        title,
        `On a Mac, remove ${detection.name} with the vendor's uninstaller app (for Kaspersky: "Uninstall Kaspersky" or "Kaspersky Anti-Virus Uninstaller"); macOS asks for your password.`,
      );
    },

    async previewRestartResume() {
      const title = 'Open Handover after the restart';
      const preview = await deps.restartResume.preview();
      if (!preview.ok) return cannotRun(title, preview.error);
      pending.set(preview.value.token, { kind: 'restart-resume' });
      return done({
        token: preview.value.token,
        title,
        command: [preview.value.command.file, ...preview.value.command.args].join(' '),
        notes: [preview.value.explanation],
        cannotRun: null,
      });
    },

    async previewSignatureUpdate() {
      const title = 'Update Microsoft Defender now';
      const blocked = await options.blockedBy();
      if (blocked) return cannotRun(title, `Not yet, the check before the move says: ${blocked}`);
      const preview = await deps.signatureUpdate.preview();
      if (!preview.ok) return cannotRun(title, preview.error);
      pending.set(preview.value.token, { kind: 'signature-update' });
      return done({
        token: preview.value.token,
        title,
        command: preview.value.display,
        notes: ["Defender's own update tool downloads its latest signatures from Microsoft."],
        cannotRun: null,
      });
    },

    async confirmAction(token) {
      const action = pending.get(token);
      if (!action)
        return failed('There is no confirmed preview for this action: look at what it will do first');
      pending.delete(token);
      const { ran, answer } = await run(action, token);
      const restartNeeded = answer.kind === 'done' && answer.value.restartNeeded;
      const event = eventOf(action, ran, restartNeeded);
      if (event) await options.record(event);
      return answer;
    },

    async openDownloadPage(alternativeId) {
      const alternative = deps.alternatives.find((a) => a.id === alternativeId);
      if (!alternative) return failed(`"${alternativeId}" is not in the alternatives catalog`);
      const offered =
        options.choices().some((c) => c.alternative.id === alternativeId) ||
        (await options.currentPlan())?.chosen?.id === alternativeId;
      if (!offered) return failed(`${alternative.name} is not one of the choices for this computer`);
      const blocked = await options.blockedBy();
      if (blocked) return failed(`Not yet, the check before the move says: ${blocked}`);
      // The download page, else the product page (a built-in or business product has no download).
      const link = officialLink(alternative);
      if (!link)
        return failed(
          `Handover has no checked page for ${alternative.name}; go to ${alternative.vendor.domains[0]} yourself.`,
        );
      if (!isVendorUrl(link.url, deps.alternatives))
        return failed('That page is not on the vendor domains Handover trusts.');
      await deps.openExternal(link.url);
      return done(null);
    },
  };
}
