/**
 * The guided migration's handlers: the plan for the latest scan and the saved progress, the
 * person's changes (saved after every one), and the actions that change the machine, which
 * only ever run a plan the person was shown (preview → confirm, electron/actions).
 */
import { join } from 'node:path';
import type { LinuxRemoveAction } from '../actions/linux-remove';
import type { RestartResume } from '../actions/restart-resume';
import type { UninstallAction } from '../actions/run-uninstall';
import type { SignatureUpdate } from '../actions/update-signatures';
import type { Alternative } from '../core/catalog/alternative-schema';
import { alternativesFor, isVendorUrl } from '../core/catalog/load-alternatives';
import { writeBitwardenCsv } from '../core/convert/bitwarden-csv';
import { writeChromeCsv } from '../core/convert/chrome-csv';
import type { ConvertedFile } from '../core/convert/converted-file';
import { writeFirefoxCsv } from '../core/convert/firefox-csv';
import { type KpmVault, parseKpmExportFile } from '../core/convert/kpm-text-export';
import { writeOnePasswordCsv } from '../core/convert/onepassword-csv';
import { buildPlan, type MigrationPlan } from '../core/plan/build-plan';
import { type StepId, stepIndex } from '../core/plan/migration-steps';
import { technicianNotes } from '../core/plan/technician-notes';
import type { Progress, ProgressStore } from '../files/progress-store';
import type {
  ActionOutcome,
  Api,
  JourneyChange,
  JourneyView,
  PasswordConversion,
  PasswordExportFormat,
  ScanResult,
} from './contract';

/** What the host gives the journey: the store, the actions, and its ways to reach outside. */
export interface MigrationDeps {
  readonly store: ProgressStore;
  readonly uninstall: UninstallAction;
  readonly linuxRemove: LinuxRemoveAction;
  readonly restartResume: RestartResume;
  readonly signatureUpdate: SignatureUpdate;
  readonly alternatives: readonly Alternative[];
  /** Opens an https URL in the person's browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  /** File choices are the person's: the host shows its own dialogs. null = cancelled. */
  readonly files: {
    chooseExportFile(): Promise<string | null>;
    chooseFolder(): Promise<string | null>;
    read(path: string): Promise<Uint8Array>;
    writeAtomic(path: string, content: string): Promise<void>;
  };
}

export type JourneyApi = Pick<
  Api,
  | 'getJourney'
  | 'changeJourney'
  | 'previewRemoval'
  | 'previewRestartResume'
  | 'previewSignatureUpdate'
  | 'confirmAction'
  | 'openDownloadPage'
  | 'convertPasswordExport'
>;

const WRITERS: Readonly<Record<PasswordExportFormat, (vault: KpmVault) => ConvertedFile>> = {
  bitwarden: writeBitwardenCsv,
  '1password': writeOnePasswordCsv,
  chrome: writeChromeCsv,
  firefox: writeFirefoxCsv,
};

function osOf(result: ScanResult): 'windows' | 'windows-server' | 'macos' | 'linux' {
  if (result.machine.platform === 'windows') return result.machine.isServer ? 'windows-server' : 'windows';
  return result.machine.platform;
}

/** Which action a token confirms: tokens are issued by the actions; this routes them back. */
type PendingAction =
  | { readonly kind: 'uninstall'; readonly detectionId: string }
  | { readonly kind: 'linux-remove'; readonly detectionId: string }
  | { readonly kind: 'restart-resume' }
  | { readonly kind: 'signature-update' };

export function createJourneyHandlers(options: {
  readonly deps: MigrationDeps;
  readonly now: () => Date;
  readonly latestResult: () => ScanResult | null;
}): JourneyApi {
  const { deps, now } = options;
  let loaded: { progress: Progress | null; notice: string | null } | null = null;
  const pending = new Map<string, PendingAction>();
  /**
   * A step the person went back to ("Back to Install" on Verify) stays on screen until the next
   * scan, even when the plan counts it as done: otherwise the link would lead nowhere.
   */
  let revisit: { readonly stepId: StepId; readonly result: ScanResult | null } | null = null;

  async function progressState(): Promise<{ progress: Progress | null; notice: string | null }> {
    if (loaded) return loaded;
    const read = await deps.store.load();
    if (!read.ok) loaded = { progress: null, notice: `Your saved progress could not be read: ${read.error}` };
    else
      loaded = {
        progress: read.value.progress,
        notice: read.value.setAside
          ? `Your saved progress could not be read (${read.value.setAsideReason ?? 'it was damaged'}), so it was set aside as ${read.value.setAside} and nothing was lost. You can start again.`
          : null,
      };
    return loaded;
  }

  async function save(progress: Progress | null): Promise<void> {
    const state = await progressState();
    if (progress === null) await deps.store.clear();
    else {
      const saved = await deps.store.save(progress);
      if (!saved.ok) throw new Error(`Your progress could not be saved: ${saved.error}`);
    }
    loaded = { progress, notice: state.notice };
  }

  function choicesFor(result: ScanResult | null) {
    if (!result) return [];
    const audience = result.detections.some((d) => d.business && d.status !== 'leftover')
      ? 'business'
      : 'home';
    return alternativesFor({ os: osOf(result), audience }, deps.alternatives);
  }

  async function view(): Promise<JourneyView> {
    const { progress, notice } = await progressState();
    const result = options.latestResult();
    const alternatives = choicesFor(result);
    // Every alternative, not only today's list: a choice stays valid if the machine changes.
    const planAlternatives = deps.alternatives.map((a) => ({
      id: a.id,
      name: a.name,
      builtIn: a.builtIn,
      productId: a.productId,
      downloadUrl: a.downloadUrl,
    }));
    const built = result ? buildPlan({ result, progress, alternatives: planAlternatives, now: now() }) : null;
    const plan = built && revisit?.result === result ? showingEarlierStep(built, revisit.stepId) : built;
    if (plan && progress) {
      // The saved step is the furthest one reached, so a reload resumes where the person is.
      const furthest = stepIndex(plan.current) > stepIndex(progress.stepId) ? plan.current : progress.stepId;
      // The first scan that passes Verify is when the machine was protected again.
      const verified = stepIndex(plan.current) >= stepIndex('verify') && plan.checks.every((c) => c.ok);
      const protectedAgainAt = progress.protectedAgainAt ?? (verified ? now().toISOString() : undefined);
      if (furthest !== progress.stepId || protectedAgainAt !== progress.protectedAgainAt) {
        await save({
          ...progress,
          stepId: furthest,
          ...(protectedAgainAt ? { protectedAgainAt } : {}),
          updatedAt: now().toISOString(),
        });
        return view();
      }
    }
    return {
      plan,
      progress: (await progressState()).progress,
      alternatives,
      notice,
      technicianNotes: plan ? technicianNotes(plan) : null,
    };
  }

  function detectionIn(result: ScanResult | null, detectionId: string) {
    const detection = result?.detections.find((d) => d.id === detectionId);
    if (!detection) throw new Error(`The latest scan did not find "${detectionId}" on this computer`);
    return detection;
  }

  async function apply(change: JourneyChange): Promise<void> {
    const { progress } = await progressState();
    const stamp = now().toISOString();
    const result = options.latestResult();
    if (change.kind === 'start-over') {
      await deps.restartResume.unregister();
      await save(null);
      return;
    }
    if (change.kind === 'start') {
      const deadline = result?.verdict.deadline;
      const unprotectedSince =
        result && result.verdict.level !== 'protected'
          ? deadline && deadline.daysSince >= 0
            ? deadline.at
            : stamp
          : undefined;
      await save({
        stepId: 'keep-data',
        startedAt: stamp,
        updatedAt: stamp,
        choices: {},
        ticked: [],
        removed: [],
        ...(unprotectedSince ? { unprotectedSince } : {}),
      });
      return;
    }
    if (!progress) throw new Error('Start the journey first');
    const updated = ((): Progress => {
      switch (change.kind) {
        case 'move':
          revisit =
            stepIndex(change.stepId) < stepIndex(progress.stepId)
              ? { stepId: change.stepId, result: options.latestResult() }
              : null;
          return { ...progress, stepId: change.stepId };
        case 'tick':
          return {
            ...progress,
            ticked: change.ticked
              ? [...new Set([...progress.ticked, change.itemId])]
              : progress.ticked.filter((id) => id !== change.itemId),
          };
        case 'choose': {
          if (!choicesFor(result).some((c) => c.alternative.id === change.alternativeId)) {
            throw new Error(`"${change.alternativeId}" is not one of the choices for this computer`);
          }
          return { ...progress, choices: { ...progress.choices, alternativeId: change.alternativeId } };
        }
        case 'removed-another-way':
          detectionIn(result, change.detectionId);
          return {
            ...progress,
            removed: [...progress.removed, { detectionId: change.detectionId, how: 'other-way', at: stamp }],
          };
      }
    })();
    await save({ ...updated, updatedAt: stamp });
  }

  async function recordOutcome(action: PendingAction, outcome: ActionOutcome): Promise<void> {
    const { progress } = await progressState();
    if (!progress) return;
    const stamp = now().toISOString();
    if (action.kind === 'restart-resume') {
      if (outcome.ok) await save({ ...progress, restartRegistered: true, updatedAt: stamp });
      return;
    }
    if (action.kind === 'signature-update') return;
    await save({
      ...progress,
      ...(outcome.restartNeeded ? { restartRequestedAt: stamp } : {}),
      ...(outcome.ok
        ? {
            removed: [
              ...progress.removed,
              { detectionId: action.detectionId, how: 'uninstaller' as const, at: stamp },
            ],
          }
        : {}),
      updatedAt: stamp,
    });
  }

  return {
    getJourney: view,

    async changeJourney(change) {
      await apply(change);
      return view();
    },

    async previewRemoval(detectionId) {
      const result = options.latestResult();
      const detection = detectionIn(result, detectionId);
      const platform = result?.machine.platform;
      if (platform === 'windows') {
        const entry = detection.uninstallEntries.find((e) => e.uninstallString || e.productCode);
        if (!entry) {
          return {
            token: null,
            title: `Remove ${detection.name}`,
            command: null,
            notes: [],
            cannotRun: `Windows has no uninstaller registered for ${detection.name}. Open Settings › Apps › Installed apps and uninstall it there${detection.vendorId === 'kaspersky' ? "; if that fails, use Kaspersky's removal tool, kavremover" : ''}.`,
          };
        }
        const preview = await deps.uninstall.preview({ detectionId, entry });
        if (!preview.ok)
          return {
            token: null,
            title: `Remove ${detection.name}`,
            command: null,
            notes: [],
            cannotRun: preview.error,
          };
        pending.set(preview.value.token, { kind: 'uninstall', detectionId });
        return {
          token: preview.value.token,
          title: `Remove ${detection.name}`,
          command: preview.value.command.display,
          notes: preview.value.notes,
          cannotRun: null,
        };
      }
      if (platform === 'linux') {
        const entry = detection.uninstallEntries.find(
          (e) => (e.registry === 'dpkg' || e.registry === 'rpm') && e.identifier,
        );
        if (!entry?.identifier) {
          return {
            token: null,
            title: `Remove ${detection.name}`,
            command: null,
            notes: [],
            cannotRun: `${detection.name} was not installed as a package, so remove it with its own uninstaller.`,
          };
        }
        const preview = await deps.linuxRemove.preview({ detectionId, packageName: entry.identifier });
        if (!preview.ok)
          return {
            token: null,
            title: `Remove ${detection.name}`,
            command: null,
            notes: [],
            cannotRun: preview.error,
          };
        if (preview.value.token) pending.set(preview.value.token, { kind: 'linux-remove', detectionId });
        return {
          token: preview.value.token ?? null,
          title: `Remove ${detection.name}`,
          command: preview.value.display,
          notes: [`In a terminal the same is: ${preview.value.terminalCommand}`],
          cannotRun: preview.value.runnable
            ? null
            : (preview.value.whyNotRunnable ?? 'Handover cannot run it here.'),
        };
      }
      return {
        token: null,
        title: `Remove ${detection.name}`,
        command: null,
        notes: [],
        cannotRun: `On a Mac, remove ${detection.name} with the vendor's uninstaller app (for Kaspersky: "Uninstall Kaspersky" or "Kaspersky Anti-Virus Uninstaller"); macOS asks for your password.`,
      };
    },

    async previewRestartResume() {
      const preview = await deps.restartResume.preview();
      if (!preview.ok) {
        return {
          token: null,
          title: 'Open Handover after the restart',
          command: null,
          notes: [],
          cannotRun: preview.error,
        };
      }
      pending.set(preview.value.token, { kind: 'restart-resume' });
      return {
        token: preview.value.token,
        title: 'Open Handover after the restart',
        command: [preview.value.command.file, ...preview.value.command.args].join(' '),
        notes: [preview.value.explanation],
        cannotRun: null,
      };
    },

    async previewSignatureUpdate() {
      const preview = await deps.signatureUpdate.preview();
      const title = 'Update Microsoft Defender now';
      if (!preview.ok) return { token: null, title, command: null, notes: [], cannotRun: preview.error };
      pending.set(preview.value.token, { kind: 'signature-update' });
      return {
        token: preview.value.token,
        title,
        command: preview.value.display,
        notes: ["Defender's own update tool downloads its latest signatures from Microsoft."],
        cannotRun: null,
      };
    },

    async confirmAction(token) {
      const action = pending.get(token);
      if (!action)
        throw new Error('There is no confirmed preview for this action: look at what it will do first');
      pending.delete(token);
      let outcome: ActionOutcome;
      if (action.kind === 'signature-update') {
        const run = await deps.signatureUpdate.run(token);
        outcome = run.ok
          ? { ok: run.value.ok, message: run.value.message, restartNeeded: false, rescan: run.value.ok }
          : { ok: false, message: run.error, restartNeeded: false, rescan: false };
      } else if (action.kind === 'restart-resume') {
        const done = await deps.restartResume.register(token);
        outcome = done.ok
          ? {
              ok: true,
              message: 'Handover will open once after the restart and carry on.',
              restartNeeded: false,
              rescan: false,
            }
          : { ok: false, message: done.error, restartNeeded: false, rescan: false };
      } else {
        const run =
          action.kind === 'uninstall' ? await deps.uninstall.run(token) : await deps.linuxRemove.run(token);
        outcome = run.ok
          ? {
              ok:
                run.value.result === 'removed' ||
                run.value.result === 'restart-needed' ||
                run.value.result === 'finished',
              message: run.value.message,
              restartNeeded: 'restartNeeded' in run.value ? run.value.restartNeeded : false,
              rescan: run.value.rescan,
            }
          : { ok: false, message: run.error, restartNeeded: false, rescan: false };
      }
      await recordOutcome(action, outcome);
      return outcome;
    },

    async openDownloadPage(alternativeId) {
      const alternative = deps.alternatives.find((a) => a.id === alternativeId);
      if (!alternative)
        return { opened: false, reason: `"${alternativeId}" is not in the alternatives catalog` };
      if (!alternative.downloadUrl) {
        return {
          opened: false,
          reason: alternative.builtIn
            ? `${alternative.name} is built in: there is nothing to download.`
            : `Handover has no checked download page for ${alternative.name}; go to ${alternative.vendor.domains[0]} yourself.`,
        };
      }
      if (!isVendorUrl(alternative.downloadUrl, deps.alternatives)) {
        return { opened: false, reason: 'That page is not on the vendor domains Handover trusts.' };
      }
      await deps.openExternal(alternative.downloadUrl);
      return { opened: true, reason: null };
    },

    async convertPasswordExport(format): Promise<PasswordConversion> {
      const none = { writtenTo: null, written: 0, skipped: [], partial: [] };
      const source = await deps.files.chooseExportFile();
      if (!source) return { done: false, error: null, ...none };
      const vault = parseKpmExportFile(await deps.files.read(source));
      if (!vault.ok) return { done: false, error: vault.error, ...none };
      const converted = WRITERS[format](vault.value);
      const folder = await deps.files.chooseFolder();
      if (!folder) return { done: false, error: null, ...none };
      const target = join(folder, converted.fileName);
      await deps.files.writeAtomic(target, converted.content);
      return {
        done: true,
        error: null,
        writtenTo: target,
        written: converted.written,
        skipped: converted.skipped,
        partial: converted.partial,
      };
    },
  };
}

/** The plan with an earlier step on screen: it is current, the steps after it upcoming again. */
export function showingEarlierStep(plan: MigrationPlan, stepId: StepId): MigrationPlan {
  if (stepIndex(stepId) >= stepIndex(plan.current)) return plan;
  return {
    ...plan,
    current: stepId,
    steps: plan.steps.map((step) =>
      step.state === 'skipped' || stepIndex(step.id) < stepIndex(stepId)
        ? step
        : { ...step, state: step.id === stepId ? 'current' : 'upcoming' },
    ),
  };
}

/** How the handler table gets its journey part: from the host, which alone can build one. */
export type JourneyFactory = (context: {
  readonly now: () => Date;
  readonly latestResult: () => ScanResult | null;
}) => JourneyApi;

/** The journey for a host's migration dependencies (built from the latest-scan getter). */
export function migrationJourney(
  migration: (latestScan: () => ScanResult | null) => MigrationDeps,
): JourneyFactory {
  return ({ now, latestResult }) =>
    createJourneyHandlers({ deps: migration(latestResult), now, latestResult });
}
