import { describe, expect, it } from 'vitest';
import {
  AFTER_CUTOFF,
  BEFORE_CUTOFF,
  bitdefender,
  COMPLETE,
  DE,
  defender,
  judge,
  kasperskyVpn,
  product,
  UNKNOWN_REGION,
  US,
} from '../../test-support/judged-products';
import {
  bannedProtectorCutoffAhead,
  cutoffAheadStateUnknown,
  LEVEL_RULES,
  type LevelRule,
  nothingListed,
  notProtected,
  protectedButBannedInstalled,
  protectedBy,
  regionDecides,
  stateUnknown,
} from './level-rules';

/** The rule that decides, as decideVerdict picks it. */
const deciding = (facts: ReturnType<typeof judge>['facts']): LevelRule | undefined =>
  LEVEL_RULES.find((r) => r.applies(facts));

const eset = product({
  id: 'eset',
  productId: 'eset',
  name: 'ESET Security',
  vendor: 'ESET',
  vendorId: 'eset',
});

describe('region-decides (cannot tell)', () => {
  it('region unknown and a product banned in the US: never "protected", and says what is known', () => {
    const { facts } = judge([product({})], UNKNOWN_REGION, AFTER_CUTOFF);
    expect(deciding(facts)).toBe(regionDecides);
    expect(regionDecides.headline(facts)).toBe(
      'Handover needs to know which country this computer is in: in the United States, Kaspersky Total Security stopped receiving updates on 29 September 2024.',
    );
  });

  it('also when Defender protects and a banned VPN is installed (at risk in the US, protected elsewhere)', () => {
    const { facts } = judge([defender, kasperskyVpn], UNKNOWN_REGION, AFTER_CUTOFF);
    expect(deciding(facts)?.name).toBe('region-decides');
  });

  it('before the cutoff: "stops"', () => {
    const { facts } = judge([product({})], UNKNOWN_REGION, BEFORE_CUTOFF);
    expect(regionDecides.headline(facts)).toMatch(
      /Kaspersky Total Security stops receiving updates on 29 September 2024\.$/,
    );
  });

  it('not when the machine is unprotected whatever the country (signatures years old)', () => {
    const { facts } = judge(
      [product({ signaturesDate: '2018-08-23T00:00:00Z' })],
      UNKNOWN_REGION,
      AFTER_CUTOFF,
    );
    expect(deciding(facts)).toBe(notProtected);
  });
});

describe('banned-protector-cutoff-ahead (at risk)', () => {
  it('a countdown to the cutoff', () => {
    const { facts } = judge([product({})], US, BEFORE_CUTOFF);
    expect(deciding(facts)).toBe(bannedProtectorCutoffAhead);
    expect(bannedProtectorCutoffAhead.headline(facts)).toBe(
      'Your antivirus stops receiving updates in 89 days, on 29 September 2024.',
    );
  });
});

describe('protected-but-banned-installed (at risk)', () => {
  it('another antivirus protects, a banned product past its cutoff is still installed', () => {
    const { facts } = judge([product({ realtime: false }), defender], US, AFTER_CUTOFF);
    expect(deciding(facts)).toBe(protectedButBannedInstalled);
    expect(protectedButBannedInstalled.headline(facts)).toBe(
      'Microsoft Defender Antivirus is protecting this computer, but Kaspersky Total Security is still installed and no longer receives updates.',
    );
  });

  it('a banned VPN whose cutoff is ahead gets its countdown in the headline', () => {
    const { facts } = judge([defender, kasperskyVpn], US, '2024-09-17T12:00:00Z');
    expect(protectedButBannedInstalled.headline(facts)).toBe(
      'Microsoft Defender Antivirus is protecting this computer. Kaspersky VPN Secure Connection stops receiving updates in 11 days, on 29 September 2024.',
    );
  });
});

describe('protected-by (protected)', () => {
  it('a current antivirus, nothing banned here', () => {
    const { facts } = judge([defender], US, AFTER_CUTOFF);
    expect(deciding(facts)).toBe(protectedBy);
    expect(protectedBy.headline(facts)).toBe('Microsoft Defender Antivirus is protecting this computer.');
  });

  it('Kaspersky in Germany: not banned there, so protected', () => {
    expect(deciding(judge([product({})], DE, AFTER_CUTOFF).facts)).toBe(protectedBy);
  });
});

describe('cutoff-ahead-state-unknown (at risk)', () => {
  it('a cutoff still ahead is a countdown in the headline, never "cannot tell"', () => {
    const { facts } = judge([product({ realtime: null })], US, '2024-09-17T12:00:00Z');
    expect(deciding(facts)).toBe(cutoffAheadStateUnknown);
    expect(cutoffAheadStateUnknown.headline(facts)).toBe(
      'Kaspersky Total Security stops receiving updates in 11 days, on 29 September 2024, and Handover could not tell whether it is protecting this computer now.',
    );
  });
});

describe('state-unknown (cannot tell)', () => {
  it("an antivirus's state is unknown", () => {
    const { facts } = judge([{ ...eset, realtime: null }], US, AFTER_CUTOFF);
    expect(deciding(facts)).toBe(stateUnknown);
    expect(stateUnknown.headline(facts)).toBe(
      'Handover could not tell whether ESET Security is protecting this computer.',
    );
  });

  it('beside a banned antivirus past its cutoff, both are said, the days with their date', () => {
    const { facts } = judge([product({}), { ...eset, realtime: null }], US, AFTER_CUTOFF);
    expect(stateUnknown.headline(facts)).toBe(
      'Kaspersky Total Security stopped receiving updates 791 days ago, on 29 September 2024, and Handover could not tell whether ESET Security is protecting this computer.',
    );
  });
});

describe('not-protected (unprotected)', () => {
  it('a banned antivirus past its cutoff: the days since the cutoff, and the date they count from', () => {
    const { facts } = judge([product({})], US, AFTER_CUTOFF);
    expect(deciding(facts)).toBe(notProtected);
    expect(notProtected.headline(facts)).toBe(
      'Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.',
    );
  });

  it('signatures older than the cutoff: their age, the figure the signature line shows, and their date', () => {
    const { facts } = judge([product({ signaturesDate: '2018-08-23T00:00:00Z' })], US, AFTER_CUTOFF);
    expect(notProtected.headline(facts)).toBe(
      'Your antivirus has had no virus signature update for 3020 days, since 23 August 2018.',
    );
  });

  it('an antivirus whose own flag says out of date: its claim, not "no signatures"', () => {
    const { facts } = judge([{ ...eset, reportedUpToDate: false }], US, AFTER_CUTOFF);
    expect(notProtected.headline(facts)).toBe(
      'ESET Security is installed but is not protecting this computer: it reports that its virus signatures are out of date.',
    );
  });

  it('a cutoff ahead is counted down in the headline even when the machine is unprotected', () => {
    const { facts } = judge([{ ...defender, realtime: false }, kasperskyVpn], US, '2024-09-28T03:00:00Z');
    expect(notProtected.headline(facts)).toBe(
      'Microsoft Defender Antivirus is installed but is not protecting this computer: its real-time protection is off. Kaspersky VPN Secure Connection stops receiving updates in 1 day, on 29 September 2024.',
    );
  });

  it('nothing installed and the lists were read', () => {
    const { facts } = judge([], US, AFTER_CUTOFF, COMPLETE);
    expect(notProtected.headline(facts)).toBe('No antivirus is protecting this computer.');
  });
});

describe('nothing-listed (cannot tell)', () => {
  const wsc = { label: 'Windows Security Center' };

  it('nothing found and the lists could not be read', () => {
    const { facts } = judge([], US, AFTER_CUTOFF, {
      authoritative: false,
      unreadable: [],
      listingsNotRead: [{ ...wsc, why: 'unreadable' }],
    });
    expect(deciding(facts)).toBe(nothingListed);
    expect(nothingListed.headline(facts)).toBe(
      'Handover could not tell whether this computer is protected: the places that list antivirus products could not be read.',
    );
  });

  it('nothing found and the lists are not on this computer: says so, not "could not be read"', () => {
    const { facts } = judge([], US, AFTER_CUTOFF, {
      authoritative: false,
      unreadable: [],
      listingsNotRead: [{ ...wsc, why: 'not-present' }],
    });
    expect(nothingListed.headline(facts)).toBe(
      'Handover could not tell whether this computer is protected: none of the places that list antivirus products is on it (Windows Security Center).',
    );
  });
});

describe('the order of the rules', () => {
  it('the last one always applies, so every machine gets a level', () => {
    expect(LEVEL_RULES.at(-1)?.applies(judge([], US, AFTER_CUTOFF).facts)).toBe(true);
  });

  it('a missing fact that decides comes before reassurance: no rule before region-decides says "protected"', () => {
    const before = LEVEL_RULES.slice(0, LEVEL_RULES.indexOf(protectedBy));
    expect(before.map((r) => r.name)).toContain('region-decides');
    expect(before.every((r) => r.level !== 'protected')).toBe(true);
  });

  it('Defender stepped aside beside Bitdefender: protected', () => {
    expect(deciding(judge([bitdefender, { ...defender, realtime: false }], US, AFTER_CUTOFF).facts)).toBe(
      protectedBy,
    );
  });
});
