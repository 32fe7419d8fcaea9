/**
 * The guided migration's steps, in order, with stable ids (saved in the progress file, shown on
 * the progress rail, used by support codes later): never rename one.
 */
export const STEP_IDS = [
  'check',
  'keep-data',
  'choose',
  'remove',
  'restart',
  'install',
  'verify',
  'done',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  check: 'Check',
  'keep-data': 'Keep your data',
  choose: 'Choose',
  remove: 'Remove',
  restart: 'Restart',
  install: 'Install',
  verify: 'Verify',
  done: 'Done',
};

/** What the plan needs from the saved progress (the progress store's file holds more). */
export interface PlanProgress {
  /** The step the person last moved to. */
  readonly stepId: StepId;
  readonly choices: { readonly alternativeId?: string };
  /** Ids of "Keep your data" items the person ticked. */
  readonly ticked: readonly string[];
  /** Products the person says were removed another way (detection ids). */
  readonly removed: readonly { readonly detectionId: string; readonly how: 'uninstaller' | 'other-way' }[];
  /** When an uninstaller asked for a restart (msiexec 3010/1641): done once the system has started since. */
  readonly restartRequestedAt?: string;
  /** Handover registered itself to open once after the restart. */
  readonly restartRegistered?: boolean;
  /** When Handover first saw the machine without current protection, and when it had it again. */
  readonly unprotectedSince?: string;
  readonly protectedAgainAt?: string;
}

/** What the plan needs of an alternative from the alternatives catalog. */
export interface PlanAlternative {
  readonly id: string;
  readonly name: string;
  readonly builtIn: boolean;
  /** The detection catalog product it becomes once installed, if known. */
  readonly productId: string | null;
  readonly downloadUrl: string | null;
  /** Installed from the Linux distribution's packages (these names), not from a download page. */
  readonly packages: readonly string[] | null;
}

/** A product the journey removed, or the person said was removed another way. */
export interface RemovedProduct {
  /** Detection id of the product removed (a catalog product id, e.g. 'kaspersky-total-security'). */
  readonly detectionId: string;
  /** Through its uninstaller run by Handover, or the person said it was removed another way. */
  readonly how: 'uninstaller' | 'other-way';
  /** ISO 8601. */
  readonly at: string;
}

/**
 * Everything saved about a journey (electron/files/progress-store.ts keeps it in progress.json):
 * what the plan reads, and when it started and last changed.
 */
export interface JourneyProgress extends PlanProgress {
  /** ISO 8601 instants. */
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly choices: {
    /** The chosen alternative's catalog id. */
    readonly alternativeId?: string;
    /** ISO 3166 alpha-2 region override the person chose. */
    readonly region?: string;
  };
  readonly removed: readonly RemovedProduct[];
}
