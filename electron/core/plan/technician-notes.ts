/**
 * For the person helping (issue 4, technician view): for each migration step, what to say to the
 * person and what they should see on their screen, in plain words. Made from the plan itself (the
 * products found, the alternative chosen, the registered uninstallers, the restart reasons, the
 * verify checks) so the helper reads what THIS person sees, not a generic script.
 *
 * Button names are the window's own (renderer/src/components/journey/*): the helper tells the
 * person which button to press, so they must match what is on screen.
 */
import type { MigrationPlan, PlanStep } from './build-plan';
import type { StepId } from './migration-steps';
import type { ProductRemoval, RemovalRoute } from './removal-routes';

export interface TechnicianNote {
  /** What to say to the person, sentence by sentence. */
  readonly say: readonly string[];
  /** What they should see on their screen if all is well. */
  readonly see: readonly string[];
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const quoted = (text: string) => `“${text}”`;

/** "Note your VPN subscription" → "note your VPN subscription", for the middle of a sentence. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function stepOf(plan: MigrationPlan, id: StepId): PlanStep | undefined {
  return plan.steps.find((s) => s.id === id);
}

function checkNote(plan: MigrationPlan): TechnicianNote {
  const step = stepOf(plan, 'check');
  const headline = step?.what ?? '';
  if (!plan.needed) {
    return {
      say: [`Handover has checked your computer and says: ${quoted(headline)}`, 'Nothing needs to change.'],
      see: [`A page headed ${quoted(headline)}, with no Start button.`],
    };
  }
  return {
    say: [
      `Handover has checked your computer and says: ${quoted(headline)}`,
      step?.why ?? '',
      'It will guide us through moving to another antivirus, one step at a time, and asks before it changes anything.',
    ].filter(Boolean),
    see: [
      `The headline ${quoted(headline)}, with the products found listed under it.`,
      'A box called “Next step” with a Start button (or Resume, if they began before).',
    ],
  };
}

function keepDataNote(plan: MigrationPlan): TechnicianNote {
  const items = plan.keepData;
  const say = [
    `Before we remove anything, let us save what only the old product holds: ${listInWords(items.map((i) => lowerFirst(i.title)))}.`,
    ...items.map((i) => `${i.title}: ${i.how}`),
    'Tick each box once it is done, then press Continue.',
  ];
  const see = [
    `${items.length === 1 ? 'One item with a tick box' : `${items.length} items, each with a tick box`}: ${listInWords(items.map((i) => quoted(i.title)))}.`,
    'A line saying how many are not ticked yet, and a Continue button.',
  ];
  if (items.some((i) => i.handoverHelps)) {
    see.push(
      'Under “Export your passwords”, a box to choose the new password manager’s format and turn the export file into it.',
    );
  }
  return { say, see };
}

function chooseNote(plan: MigrationPlan): TechnicianNote {
  const chosen = plan.chosen;
  return {
    say: chosen
      ? [
          `You chose ${chosen.name}. If that is still what you want, press “Choose ${chosen.name}” again or carry on.`,
        ]
      : [
          'Pick what will protect your computer next. The one built in is listed first; each shows its cost and independent test results.',
          'Click the round button next to it, then press the Choose button under the list.',
        ],
    see: chosen
      ? [`A list of options with ${chosen.name} selected, and a button “Choose ${chosen.name}”.`]
      : ['A list of options, each with a round button, and a Choose button under the list.'],
  };
}

/** Plain words for what the person sees when a removal route runs. */
function routeSight(removal: ProductRemoval, route: RemovalRoute): string {
  switch (route.kind) {
    case 'registered-uninstaller': {
      const registered = route.entry.uninstallString ?? route.entry.productCode ?? '';
      const msi = route.entry.productCode !== null || /msiexec/i.test(registered);
      return msi
        ? `After Confirm, Windows asks “Do you want to allow this app to make changes to your device?” (answer Yes), then a Windows Installer window removes ${route.entry.name}. Registered as: ${registered}`
        : `After Confirm, Windows asks “Do you want to allow this app to make changes to your device?” (answer Yes), then ${route.entry.name}'s own uninstaller opens. Registered as: ${registered}`;
    }
    case 'package-manager':
      return `After Confirm, the system asks for their password, then ${route.manager === 'dpkg' ? 'apt/dpkg' : 'rpm'} removes the package ${route.entry.identifier ?? route.entry.name}.`;
    case 'settings-apps':
      return `If Handover cannot start it: Settings › Apps › Installed apps › ${removal.name} › Uninstall.`;
    case 'vendor-uninstaller-app':
      // Only offered on macOS (removal-routes.ts).
      return 'The “Uninstall Kaspersky” app opens and macOS asks for their password.';
  }
}

function removeNote(plan: MigrationPlan): TechnicianNote {
  const removals = plan.removals;
  if (removals.length === 0) {
    return {
      say: ['Nothing is left to remove. Press “Scan again to see what is still installed” to make sure.'],
      see: ['“Nothing is left to remove. Scan again to confirm.”'],
    };
  }
  const names = listInWords(removals.map((r) => r.name));
  const runnable = removals.filter((r) => r.handoverCanRun);
  const say = [
    `Now we remove ${names}. ${plan.chosen ? `${plan.chosen.name} takes over afterwards.` : ''}`.trim(),
    ...(runnable.length > 0
      ? [
          `Press “Remove…” next to ${runnable.length === 1 ? listInWords(runnable.map((r) => r.name)) : 'each one that has it'}. Handover shows exactly what it will run and asks you to confirm; nothing runs before that.`,
        ]
      : []),
  ];
  for (const removal of removals) {
    if (!removal.handoverCanRun && removal.ways[0])
      say.push(
        `Handover cannot start the removal of ${removal.name}: open “${removal.ways[0].title}” under it and follow its steps; the other ways are listed below it.`,
      );
    for (const note of removal.notes) say.push(`About ${removal.name}: ${note}`);
    if (removal.kavremoverFallback) {
      say.push(
        `If ${removal.name} will not uninstall: Kaspersky's own removal tool, kavremover, removes it completely.`,
      );
    }
  }
  say.push('If you already removed it yourself, press “I removed it another way”.');
  const see = [
    `${removals.length === 1 ? 'One product' : `${removals.length} products`} to remove: ${names}, each with “I removed it another way”${runnable.length > 0 ? ` (and “Remove…” for ${listInWords(runnable.map((r) => r.name))})` : ''}, and the ways to remove it yourself, each with its steps.`,
    'After “Remove…”, a box with the exact command and Confirm / Cancel (Cancel has the focus).',
    ...removals.flatMap((r) => r.routes.map((route) => `${r.name}: ${routeSight(r, route)}`)),
  ];
  return { say, see };
}

function restartNote(plan: MigrationPlan): TechnicianNote {
  const reasons = plan.restartReasons;
  return {
    say: [
      reasons.length > 0
        ? `Windows needs a restart to finish: ${listInWords(reasons)}.`
        : 'Windows needs a restart to finish removing the old product.',
      'Save your work. Press “Open Handover after the restart…” and confirm, then restart: Start › Power › Restart.',
      'Handover opens by itself afterwards and carries on at this step.',
    ],
    see: [
      reasons.length > 0 ? `A list “Why a restart is needed”: ${listInWords(reasons)}.` : '',
      'After confirming: “Now restart your computer: Start › Power › Restart.”',
      'After the restart, Handover opens again on its own.',
    ].filter(Boolean),
  };
}

function installNote(plan: MigrationPlan): TechnicianNote {
  const chosen = plan.chosen;
  if (!chosen) {
    return {
      say: ['First we need to choose what protects this computer next: go back to the Choose step.'],
      see: ['“Choose what protects this computer next first (step Choose).”'],
    };
  }
  if (chosen.builtIn) {
    const defender = chosen.productId === 'microsoft-defender-antivirus';
    return {
      say: [
        `${chosen.name} is built in: it usually turns itself back on once the old antivirus is gone.`,
        'Press “Check it is on”: Handover scans again and looks.',
        ...(defender
          ? [
              'If its signatures are old, press “Update its signatures now…” and confirm: Handover shows the update command first.',
            ]
          : []),
      ],
      see: [
        `“Turn ${chosen.name} back on and update its signatures.” and a “Check it is on” button.`,
        'A short scan, then the Verify step.',
      ],
    };
  }
  const site = chosen.downloadUrl ? hostOf(chosen.downloadUrl) : null;
  return {
    say: [
      `Press “Open the download page”: your web browser opens ${chosen.name}'s official page${site ? ` on ${site}` : ''}.`,
      `Download and install ${chosen.name} from there only, then come back and press “I have installed it, scan again”.`,
    ],
    see: [
      chosen.downloadUrl ? `The official page: ${chosen.downloadUrl}` : `${chosen.name}'s official page.`,
      'Then the browser with that page; after installing, a scan that finds the new product.',
    ],
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function verifyNote(plan: MigrationPlan): TechnicianNote {
  const failing = plan.checks.filter((c) => !c.ok);
  return {
    say: [
      'Press “Scan again”: Handover checks that no banned product is left, that the new antivirus is on, and that its virus definitions are current.',
      ...(failing.length > 0 ? [`Still to fix: ${failing.map((c) => c.text).join(' ')}`] : []),
    ],
    see: [
      `${plan.checks.length} checks, each marked OK or Missing.`,
      ...plan.checks.map((c) => `${c.ok ? 'OK' : 'Missing'}: ${c.text}`),
    ],
  };
}

function doneNote(plan: MigrationPlan): TechnicianNote {
  const chosen = plan.chosen;
  return {
    say: [
      chosen ? `${chosen.name} now protects your computer.` : 'Your computer is protected again.',
      'Leave it set to update automatically.',
      // The converted export is plain text: it must not outlive the move.
      ...(plan.keepData.some((i) => i.id === 'password-manager-export')
        ? [
            'Delete the password export files (the Kaspersky export and the converted one), and empty the Recycle Bin.',
          ]
        : []),
    ],
    see: [
      'A list “What changed” naming what was removed and what protects the computer now.',
      plan.unprotectedFor
        ? `“Without current protection for ${plan.unprotectedFor}”.`
        : 'How long the computer was without current protection.',
    ],
  };
}

/** What to say at a step the plan skips (Restart off Windows, Keep your data with nothing to keep). */
function skippedNote(step: PlanStep): TechnicianNote {
  return {
    say: ['This step is not needed on this computer, so we go straight on.'],
    see: [
      `On the list of steps, ${step.title} is marked Skipped${step.skippedBecause ? `: ${step.skippedBecause}` : ''}.`,
    ],
  };
}

/** Every step's note; a skipped step says so, with the plan's reason. */
export function technicianNotes(plan: MigrationPlan): Readonly<Record<StepId, TechnicianNote>> {
  const notes: Record<StepId, TechnicianNote> = {
    check: checkNote(plan),
    'keep-data': keepDataNote(plan),
    choose: chooseNote(plan),
    remove: removeNote(plan),
    restart: restartNote(plan),
    install: installNote(plan),
    verify: verifyNote(plan),
    done: doneNote(plan),
  };
  for (const step of plan.steps) {
    if (step.state === 'skipped') notes[step.id] = skippedNote(step);
  }
  return notes;
}
