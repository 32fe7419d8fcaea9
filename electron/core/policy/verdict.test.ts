import { describe, expect, it } from 'vitest';
import {
  AFTER_CUTOFF,
  BEFORE_CUTOFF,
  bans,
  bitdefender,
  COMPLETE,
  clamav,
  DE,
  defender,
  judge,
  kasperskyPasswordManager,
  kasperskyVpn,
  product,
  UNKNOWN_REGION,
  US,
} from '../test-support/judged-products';
import { decideVerdict } from './verdict';

describe('the US ban on Kaspersky over time', () => {
  it('before 2024-07-20: still protecting, but at risk with the cutoff ahead', () => {
    const { verdict, detections } = judge([product({})], US, BEFORE_CUTOFF);
    expect(detections[0]?.protecting).toBe(true);
    expect(detections[0]?.ban?.updatesEnded).toBe(false);
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toBe('Your antivirus stops receiving updates in 89 days, on 29 September 2024.');
    expect(verdict.reasons[0]?.code).toBe('banned-product-updates-stop-soon');
    expect(verdict.deadline).toMatchObject({ at: '2024-09-29T04:00:00.000Z', daysSince: -89 });
  });

  it('between the two dates (sales ended, updates still flowing): at risk', () => {
    const { verdict } = judge([product({})], US, '2024-09-01T12:00:00Z');
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toMatch(/in 27 days, on 29 September 2024/);
  });

  it('one hour before the cutoff (2024-09-29 00:00 EDT) updates have not yet ended', () => {
    const { detections } = judge([product({})], US, '2024-09-29T03:00:00Z');
    expect(detections[0]?.ban?.updatesEnded).toBe(false);
  });

  it('after 2024-09-29: never up to date whatever it reports, so unprotected', () => {
    const { verdict, detections } = judge([product({ reportedUpToDate: true })], US, AFTER_CUTOFF);
    expect(detections[0]?.signatures).toMatchObject({ reportedUpToDate: true, upToDate: false });
    expect(detections[0]?.protecting).toBe(false);
    expect(verdict.level).toBe('unprotected');
    expect(verdict.headline).toBe(
      'Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.',
    );
    expect(verdict.reasons.map((r) => r.code)).toContain('banned-product-updates-stopped');
  });

  it('after the cutoff with Defender protecting: at risk until Kaspersky is removed', () => {
    const { verdict } = judge([product({ realtime: false }), defender], US, AFTER_CUTOFF);
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toMatch(
      /Microsoft Defender Antivirus is protecting this computer, but Kaspersky Total Security/,
    );
  });
});

describe('outside the US', () => {
  it('Germany: not banned, protected, with the BSI warning as information', () => {
    const { verdict, detections } = judge([product({})], DE, AFTER_CUTOFF);
    expect(detections[0]?.ban).toBeNull();
    expect(detections[0]?.advisories.map((a) => a.jurisdiction)).toEqual(['DE']);
    expect(verdict.level).toBe('protected');
    expect(verdict.reasons.find((r) => r.code === 'ban-advisory')?.severity).toBe('info');
  });
});

/** Issue 11, section 3: each was seen in the CLI or the window; each failed before its rule. */
describe('no false reassurance', () => {
  it('region unknown and a product banned in some region: cannot tell, says what is known, asks for the region first', () => {
    const { verdict } = judge([product({})], UNKNOWN_REGION, AFTER_CUTOFF);
    expect(verdict.level).toBe('cannot-tell');
    expect(verdict.headline).toBe(
      'Handover needs to know which country this computer is in: in the United States, Kaspersky Total Security stopped receiving updates on 29 September 2024.',
    );
    expect(verdict.headline).not.toMatch(/is protecting/);
    expect(verdict.actions[0]?.code).toBe('choose-region');
    expect(verdict.reasons[0]).toMatchObject({ code: 'ban-advisory', severity: 'action' });
    // Nothing reassuring among the reasons either.
    expect(verdict.reasons.map((r) => r.text).join(' ')).toMatch(
      /in the United States it stopped receiving updates/,
    );
  });

  it("Security Center's up-to-date bit is the product's claim: the reason says so, and a real date wins", () => {
    const claim = judge([bitdefender], US, AFTER_CUTOFF).verdict.reasons.find(
      (r) => r.code === 'protected-by',
    );
    expect(claim?.text).toMatch(/it reports its virus signatures up to date \(it shows no date for them\)/);
    const dated = judge([{ ...bitdefender, signaturesDate: '2026-11-27T00:00:00Z' }], US, AFTER_CUTOFF);
    expect(dated.verdict.reasons.find((r) => r.code === 'protected-by')?.text).toMatch(
      /its virus signatures were updated 2 days ago, on 27 November 2026/,
    );
  });

  it('Defender off beside another active, current antivirus: protected, and no action', () => {
    const { verdict } = judge([bitdefender, { ...defender, realtime: false }], US, AFTER_CUTOFF);
    expect(verdict.level).toBe('protected');
    expect(verdict.actions).toEqual([]);
    expect(verdict.reasons.filter((r) => r.severity === 'action')).toEqual([]);
    expect(verdict.reasons.map((r) => r.code)).toEqual(['stepped-aside', 'protected-by']);
  });

  it('a cutoff still ahead with the state unknown: a countdown in the headline, never "cannot tell"', () => {
    const { verdict } = judge([product({ realtime: null })], US, '2024-09-17T12:00:00Z');
    expect(verdict.level).toBe('at-risk');
    expect(verdict.headline).toMatch(
      /^Kaspersky Total Security stops receiving updates in 11 days, on 29 September 2024/,
    );
  });

  it("the headline's days are the figure the details show, and say what they count", () => {
    // The cutoff: the headline and the deadline line count the same days from the same date.
    const byCutoff = judge([product({})], US, AFTER_CUTOFF).verdict;
    expect(byCutoff.headline).toContain(
      `${byCutoff.deadline?.daysSince} days ago, on ${byCutoff.deadline?.display}`,
    );
    // Older signatures: the headline counts their age, the figure the product's signature line shows.
    const { verdict, detections } = judge(
      [product({ signaturesDate: '2024-09-01T00:00:00Z' })],
      US,
      AFTER_CUTOFF,
    );
    expect(verdict.headline).toBe(
      `Your antivirus has had no virus signature update for ${detections[0]?.signatures.ageDays} days, since 1 September 2024.`,
    );
  });

  it('"1 day", never "1 days"', () => {
    const { verdict } = judge([product({})], US, '2024-09-28T03:00:00Z');
    expect(verdict.headline).toBe('Your antivirus stops receiving updates in 1 day, on 29 September 2024.');
    expect(JSON.stringify(verdict)).not.toMatch(/\b1 days\b/);
  });

  it('"What needs doing" is actions in order, not the problems restated', () => {
    const { verdict } = judge([product({}), { ...defender, realtime: false }], US, AFTER_CUTOFF);
    const problems = new Set(verdict.reasons.map((r) => r.text));
    expect(verdict.actions.map((a) => a.code)).toEqual(['replace-banned-antivirus', 'turn-on-realtime']);
    for (const action of verdict.actions) expect(problems.has(action.text)).toBe(false);
  });

  it('a banned VPN or password manager: advice that fits what it is, no "move to another antivirus"', () => {
    const { verdict } = judge([defender, kasperskyVpn, kasperskyPasswordManager], US, '2024-09-17T12:00:00Z');
    expect(verdict.level).toBe('at-risk');
    const aboutThem = (x: { detectionIds: readonly string[] }) =>
      x.detectionIds.some((id) => id === kasperskyVpn.id || id === kasperskyPasswordManager.id);
    const words = [...verdict.reasons.filter(aboutThem), ...verdict.actions.filter(aboutThem)].map(
      (x) => x.text,
    );
    expect(words).toHaveLength(4);
    expect(words.join(' ')).not.toMatch(/antivirus|virus signatures/);
    expect(verdict.actions.map((a) => a.code)).toEqual([
      'replace-banned-vpn',
      'replace-banned-password-manager',
    ]);
  });
});

describe('verdict levels', () => {
  it('protected by a current antivirus', () => {
    expect(judge([defender], US, AFTER_CUTOFF).verdict).toMatchObject({
      level: 'protected',
      headline: 'Microsoft Defender Antivirus is protecting this computer.',
      actions: [],
    });
  });

  it('its own flag says out of date: unprotected, and says why without claiming "no signatures"', () => {
    const { verdict } = judge([{ ...clamav, realtime: false, reportedUpToDate: false }], US, AFTER_CUTOFF);
    expect(verdict.level).toBe('unprotected');
    expect(verdict.headline).toBe(
      'ClamAV is installed but is not protecting this computer: it reports that its virus signatures are out of date.',
    );
  });

  it('unknown real-time state: cannot tell, never protected', () => {
    const { verdict } = judge(
      [product({ realtime: null, vendorId: 'eset', id: 'eset', name: 'ESET' })],
      US,
      AFTER_CUTOFF,
    );
    expect(verdict.level).toBe('cannot-tell');
    expect(verdict.actions.map((a) => a.code)).toEqual(['check-antivirus']);
  });

  it('nothing found and Security Center unreadable: cannot tell', () => {
    const source = {
      id: 'windows.wsc.antivirus' as const,
      label: 'Windows Security Center',
      status: 'unreadable' as const,
      reason: 'Windows Security Center is not available on Windows Server.',
      records: 0,
    };
    const verdict = decideVerdict(
      [],
      {
        authoritative: false,
        unreadable: [source],
        listingsNotRead: [{ label: source.label, why: 'unreadable' }],
      },
      bans,
      true,
      new Date(AFTER_CUTOFF),
      { platform: 'windows', isServer: true },
    );
    expect(verdict.level).toBe('cannot-tell');
    expect(verdict.reasons.map((r) => r.text)).toContain(
      'Windows Security Center is not available on Windows Server.',
    );
  });

  it('nothing found with a complete inventory: unprotected', () => {
    const verdict = decideVerdict([], COMPLETE, bans, true, new Date(AFTER_CUTOFF), {
      platform: 'windows',
      isServer: false,
    });
    expect(verdict).toMatchObject({
      level: 'unprotected',
      headline: 'No antivirus is protecting this computer.',
    });
    expect(verdict.actions.map((a) => a.code)).toEqual(['install-antivirus']);
  });

  it('signatures older than a week are out of date even when the product reports them current', () => {
    const stale = judge([{ ...defender, signaturesDate: '2026-11-01T00:00:00Z' }], US, AFTER_CUTOFF);
    expect(stale.verdict.level).toBe('unprotected');
    const fresh = judge([{ ...defender, signaturesDate: '2026-11-28T00:00:00Z' }], US, AFTER_CUTOFF);
    expect(fresh.verdict.level).toBe('protected');
  });
});
