/**
 * "What needs doing": the actions a person can take, each an instruction, listed in this order:
 * first the fact that decides the verdict (the region), then what restores protection now, then
 * what keeps it through a cutoff ahead, then the banned products that are not antivirus, last
 * what only the person can check. A banned VPN or password manager gets advice that fits what
 * it is, never "move to another antivirus".
 */
import { moveAdvice } from '../../plan/move-order';
import type { ActionCode, Detection, VerdictAction } from '../../scan-result';
import { dayCount } from '../days';
import { ownFailures, type VerdictFacts } from './verdict-facts';
import { banOf, names } from './verdict-words';

export interface ActionRule {
  readonly name: string;
  readonly codes: readonly ActionCode[];
  readonly actions: (facts: VerdictFacts) => readonly VerdictAction[];
}

const action = (code: ActionCode, text: string, detections: readonly Detection[]): VerdictAction => ({
  code,
  text,
  detectionIds: detections.map((d) => d.id),
});

/** " before 29 September 2024 (in 12 days)" for a cutoff still ahead; '' once it has passed. */
function beforeCutoff(d: Detection): string {
  const ban = banOf(d);
  return ban.updatesEnded
    ? ''
    : ` before ${ban.updatesEndDisplay} (in ${dayCount(-(ban.daysSinceUpdatesEnded ?? 0))})`;
}

export const chooseRegion: ActionRule = {
  name: 'choose-region',
  codes: ['choose-region'],
  actions: ({ bannedElsewhere }) => {
    const products = bannedElsewhere.map((b) => b.detection);
    return products.length === 0
      ? []
      : [
          action(
            'choose-region',
            `Choose the country this computer is in, so that Handover can apply its rules to ${names(products)}.`,
            products,
          ),
        ];
  },
};

const bannedAntivirus = (list: readonly Detection[]) => list.filter((d) => d.kind === 'antivirus');

export const replaceStoppedAntivirus: ActionRule = {
  name: 'replace-stopped-antivirus',
  codes: ['replace-banned-antivirus'],
  actions: ({ bannedStopped, machine }) =>
    bannedAntivirus(bannedStopped).map((d) =>
      action(
        'replace-banned-antivirus',
        `Move from ${d.name} to an antivirus that still receives updates: ${moveAdvice(machine.platform, machine.isServer)}.`,
        [d],
      ),
    ),
};

/** An antivirus that is not banned and does not protect of its own accord. */
export const restoreProtection: ActionRule = {
  name: 'restore-protection',
  codes: ['turn-on-realtime', 'update-signatures'],
  actions: (facts) =>
    ownFailures(facts).flatMap((d) => [
      ...(d.realtime === false
        ? [action('turn-on-realtime', `Turn on real-time protection in ${d.name}.`, [d])]
        : []),
      ...(d.signatures.upToDate === false
        ? [
            action(
              'update-signatures',
              `Update the virus signatures of ${d.name} now, and check that it keeps them up to date on its own.`,
              [d],
            ),
          ]
        : []),
    ]),
};

export const installAntivirus: ActionRule = {
  name: 'install-antivirus',
  codes: ['install-antivirus'],
  actions: ({ antivirus, completeness }) =>
    antivirus.length === 0 && completeness.authoritative
      ? [
          action(
            'install-antivirus',
            'Install an antivirus that receives updates, and turn on its real-time protection.',
            [],
          ),
        ]
      : [],
};

export const replaceBeforeCutoff: ActionRule = {
  name: 'replace-before-cutoff',
  codes: ['replace-banned-antivirus'],
  actions: ({ bannedAhead, machine }) =>
    bannedAntivirus(bannedAhead).map((d) =>
      action(
        'replace-banned-antivirus',
        `Move from ${d.name} to another antivirus${beforeCutoff(d)}: ${moveAdvice(machine.platform, machine.isServer)}, so that protection has no gap.`,
        [d],
      ),
    ),
};

/** Banned products that are not antivirus: each gets the advice that fits what it is. */
export const replaceBannedCompanions: ActionRule = {
  name: 'replace-banned-companions',
  codes: ['replace-banned-vpn', 'replace-banned-password-manager', 'remove-banned-product'],
  actions: ({ banned }) =>
    banned
      .filter((d) => d.kind !== 'antivirus')
      .map((d) => {
        const before = beforeCutoff(d);
        switch (d.kind) {
          case 'vpn':
            return action(
              'replace-banned-vpn',
              `Choose another VPN service${before}, then remove ${d.name}.`,
              [d],
            );
          case 'password-manager':
            return action(
              'replace-banned-password-manager',
              `Export your passwords from ${d.name} and import them into another password manager${before}, then remove ${d.name}.`,
              [d],
            );
          default:
            return action(
              'remove-banned-product',
              before
                ? `Remove ${d.name}${before}, when its updates end.`
                : `Remove ${d.name}: it no longer receives updates.`,
              [d],
            );
        }
      }),
};

/** What Handover could not see: the person can look. */
export const checkAntivirus: ActionRule = {
  name: 'check-antivirus',
  codes: ['check-antivirus'],
  actions: ({ unknown, antivirus, completeness }) => [
    ...unknown.map((d) =>
      action(
        'check-antivirus',
        `Open ${d.name} and check that its real-time protection is on and its virus signatures are up to date.`,
        [d],
      ),
    ),
    ...(antivirus.length === 0 && !completeness.authoritative
      ? [
          action(
            'check-antivirus',
            "Check in the system's security settings that an antivirus is installed and protecting this computer.",
            [],
          ),
        ]
      : []),
  ],
};

/** In this order: the list the person reads top to bottom. */
export const ACTION_RULES: readonly ActionRule[] = [
  chooseRegion,
  replaceStoppedAntivirus,
  restoreProtection,
  installAntivirus,
  replaceBeforeCutoff,
  replaceBannedCompanions,
  checkAntivirus,
];
