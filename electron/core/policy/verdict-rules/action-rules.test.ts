import { describe, expect, it } from 'vitest';
import {
  AFTER_CUTOFF,
  BEFORE_CUTOFF,
  bitdefender,
  COMPLETE,
  defender,
  judge,
  kasperskyPasswordManager,
  kasperskyVpn,
  product,
  UNKNOWN_REGION,
  US,
} from '../../test-support/judged-products';
import {
  ACTION_RULES,
  checkAntivirus,
  chooseRegion,
  installAntivirus,
  replaceBannedCompanions,
  replaceBeforeCutoff,
  replaceStoppedAntivirus,
  restoreProtection,
} from './action-rules';

const texts = (actions: readonly { text: string }[]) => actions.map((a) => a.text);

describe('every rule writes only the codes it declares, and every action is an instruction', () => {
  const scenarios = [
    judge([product({}), kasperskyVpn, kasperskyPasswordManager], UNKNOWN_REGION, AFTER_CUTOFF),
    judge(
      [product({}), kasperskyVpn, kasperskyPasswordManager, { ...defender, realtime: false }],
      US,
      AFTER_CUTOFF,
    ),
    judge([product({}), kasperskyVpn], US, BEFORE_CUTOFF),
    judge([{ ...bitdefender, realtime: null }], US, AFTER_CUTOFF),
    judge([], US, AFTER_CUTOFF),
  ];
  it.each(ACTION_RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    for (const { facts } of scenarios) {
      for (const action of rule.actions(facts)) {
        expect(rule.codes).toContain(action.code);
        // An instruction starts with a verb ("Choose", "Move", "Turn on"), never a product's state.
        expect(action.text).toMatch(/^(Choose|Move|Turn on|Update|Install|Export|Remove|Open|Check) /);
      }
    }
  });
});

describe('choose-region', () => {
  it('first of all when the region decides', () => {
    const { verdict, facts } = judge([product({})], UNKNOWN_REGION, AFTER_CUTOFF);
    expect(texts(chooseRegion.actions(facts))).toEqual([
      'Choose the country this computer is in, so that Handover can apply its rules to Kaspersky Total Security.',
    ]);
    expect(verdict.actions[0]?.code).toBe('choose-region');
  });
});

describe('replace-stopped-antivirus', () => {
  it('a banned antivirus past its cutoff', () => {
    expect(texts(replaceStoppedAntivirus.actions(judge([product({})], US, AFTER_CUTOFF).facts))).toEqual([
      'Move from Kaspersky Total Security to an antivirus that still receives updates: remove the old one, then install the new one; Microsoft Defender protects this computer in between.',
    ]);
  });
});

describe('restore-protection (turn-on-realtime, update-signatures)', () => {
  it('what to do, not the problem restated', () => {
    const { facts } = judge(
      [
        { ...defender, realtime: false },
        { ...bitdefender, realtime: true, reportedUpToDate: false },
      ],
      US,
      AFTER_CUTOFF,
    );
    expect(restoreProtection.actions(facts)).toEqual([
      {
        code: 'turn-on-realtime',
        text: 'Turn on real-time protection in Microsoft Defender Antivirus.',
        detectionIds: ['microsoft-defender-antivirus'],
      },
      {
        code: 'update-signatures',
        text: 'Update the virus signatures of Bitdefender Antivirus / Total Security now, and check that it keeps them up to date on its own.',
        detectionIds: ['bitdefender-consumer'],
      },
    ]);
  });

  it('nothing for Defender stepping aside beside a current antivirus', () => {
    expect(
      restoreProtection.actions(
        judge([bitdefender, { ...defender, realtime: false }], US, AFTER_CUTOFF).facts,
      ),
    ).toEqual([]);
  });
});

describe('install-antivirus', () => {
  it('when none is installed and the lists were read', () => {
    expect(installAntivirus.actions(judge([], US, AFTER_CUTOFF, COMPLETE).facts).map((a) => a.code)).toEqual([
      'install-antivirus',
    ]);
  });
});

describe('replace-before-cutoff', () => {
  it('says by when, and why (no gap)', () => {
    expect(
      texts(replaceBeforeCutoff.actions(judge([product({})], US, '2024-09-17T12:00:00Z').facts)),
    ).toEqual([
      'Move from Kaspersky Total Security to another antivirus before 29 September 2024 (in 11 days): remove the old one, then install the new one; Microsoft Defender protects this computer in between, so that protection has no gap.',
    ]);
  });
});

describe('replace-banned-companions (replace-banned-vpn, replace-banned-password-manager, remove-banned-product)', () => {
  it('a VPN gets another VPN, a password manager an export, never "another antivirus"', () => {
    const safeKids = product({
      id: 'kaspersky-safe-kids',
      name: 'Kaspersky Safe Kids',
      kind: 'parental-control',
    });
    const actions = replaceBannedCompanions.actions(
      judge([kasperskyVpn, kasperskyPasswordManager, safeKids], US, AFTER_CUTOFF).facts,
    );
    expect(actions).toEqual([
      {
        code: 'replace-banned-vpn',
        text: 'Choose another VPN service, then remove Kaspersky VPN Secure Connection.',
        detectionIds: ['kaspersky-vpn-secure-connection'],
      },
      {
        code: 'replace-banned-password-manager',
        text: 'Export your passwords from Kaspersky Password Manager and import them into another password manager, then remove Kaspersky Password Manager.',
        detectionIds: ['kaspersky-password-manager'],
      },
      {
        code: 'remove-banned-product',
        text: 'Remove Kaspersky Safe Kids: it no longer receives updates.',
        detectionIds: ['kaspersky-safe-kids'],
      },
    ]);
    expect(texts(actions).join(' ')).not.toMatch(/antivirus/);
  });

  it('before the cutoff, by when', () => {
    expect(
      texts(replaceBannedCompanions.actions(judge([kasperskyVpn], US, '2024-09-28T03:00:00Z').facts)),
    ).toEqual([
      'Choose another VPN service before 29 September 2024 (in 1 day), then remove Kaspersky VPN Secure Connection.',
    ]);
  });
});

describe('check-antivirus', () => {
  it('what only the person can see', () => {
    expect(
      texts(checkAntivirus.actions(judge([{ ...bitdefender, realtime: null }], US, AFTER_CUTOFF).facts)),
    ).toEqual([
      'Open Bitdefender Antivirus / Total Security and check that its real-time protection is on and its virus signatures are up to date.',
    ]);
    expect(
      checkAntivirus
        .actions(judge([], US, AFTER_CUTOFF, { authoritative: false, unreadable: [] }).facts)
        .map((a) => a.code),
    ).toEqual(['check-antivirus']);
  });
});

describe('the order of "What needs doing"', () => {
  it('the region first, then restoring protection, then the cutoff ahead, then the companions', () => {
    const { verdict } = judge(
      [product({}), { ...defender, realtime: false }, kasperskyVpn],
      US,
      AFTER_CUTOFF,
    );
    expect(verdict.actions.map((a) => a.code)).toEqual([
      'replace-banned-antivirus',
      'turn-on-realtime',
      'replace-banned-vpn',
    ]);
  });

  it('a protected machine with nothing banned: nothing to do', () => {
    expect(judge([defender], US, AFTER_CUTOFF).verdict.actions).toEqual([]);
  });
});
