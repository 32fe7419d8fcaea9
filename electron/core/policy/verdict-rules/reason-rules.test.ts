import { describe, expect, it } from 'vitest';
import {
  AFTER_CUTOFF,
  BEFORE_CUTOFF,
  bitdefender,
  COMPLETE,
  clamav,
  DE,
  defender,
  judge,
  kasperskyVpn,
  product,
  UNKNOWN_REGION,
  US,
} from '../../test-support/judged-products';
import {
  antivirusNotProtecting,
  banAdvisories,
  bannedUpdatesStopped,
  bannedUpdatesStopSoon,
  builtInSteppedAside,
  inventoryIncomplete,
  leftoversPresent,
  noActiveAntivirus,
  protectedBy,
  REASON_RULES,
  regionUnknownBannedElsewhere,
  sourcesUnreadable,
} from './reason-rules';

describe('every rule writes only the codes it declares', () => {
  const scenarios = [
    judge([product({})], UNKNOWN_REGION, AFTER_CUTOFF),
    judge([product({}), kasperskyVpn], US, AFTER_CUTOFF),
    judge([product({}), defender], US, BEFORE_CUTOFF),
    judge([bitdefender, { ...defender, realtime: false }], US, AFTER_CUTOFF),
    judge([{ ...clamav, realtime: null }], US, AFTER_CUTOFF),
    judge([], US, AFTER_CUTOFF),
  ];
  it.each(REASON_RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    for (const { facts } of scenarios) {
      for (const reason of rule.reasons(facts)) expect(rule.codes).toContain(reason.code);
    }
  });
});

describe('region-unknown-banned-elsewhere (ban-advisory, action)', () => {
  it('says what is known in the country whose ban covers the product, and that the region decides', () => {
    const [reason] = regionUnknownBannedElsewhere.reasons(
      judge([product({})], UNKNOWN_REGION, AFTER_CUTOFF).facts,
    );
    expect(reason).toEqual({
      code: 'ban-advisory',
      severity: 'action',
      text: 'Handover does not know which country this computer is in, and the rules there decide whether Kaspersky Total Security can still be relied on: in the United States it stopped receiving updates on 29 September 2024.',
      detectionIds: ['kaspersky-total-security'],
    });
  });

  it('before the cutoff the same sentence is in the future tense', () => {
    const [reason] = regionUnknownBannedElsewhere.reasons(
      judge([product({}), kasperskyVpn], UNKNOWN_REGION, BEFORE_CUTOFF).facts,
    );
    expect(reason?.text).toMatch(
      /Kaspersky Total Security and Kaspersky VPN Secure Connection can still be relied on: in the United States they stop receiving updates on 29 September 2024\.$/,
    );
  });

  it('says nothing when the region is known, or no product is banned anywhere', () => {
    expect(regionUnknownBannedElsewhere.reasons(judge([product({})], DE, AFTER_CUTOFF).facts)).toEqual([]);
    expect(
      regionUnknownBannedElsewhere.reasons(judge([defender], UNKNOWN_REGION, AFTER_CUTOFF).facts),
    ).toEqual([]);
  });
});

describe('banned-updates-stopped (banned-product-updates-stopped, action)', () => {
  it('counts the days since the cutoff and names the date, the figure the cutoff line shows', () => {
    const [reason] = bannedUpdatesStopped.reasons(judge([product({})], US, AFTER_CUTOFF).facts);
    expect(reason?.text).toBe(
      'Kaspersky Total Security stopped receiving updates 791 days ago, on 29 September 2024, when the ban in the United States ended them.',
    );
  });

  it('signatures older than the cutoff are said too, with their own figure and date', () => {
    const [reason] = bannedUpdatesStopped.reasons(
      judge([product({ signaturesDate: '2018-08-23T00:00:00Z' })], US, AFTER_CUTOFF).facts,
    );
    expect(reason?.text).toMatch(
      /791 days ago, on 29 September 2024.*older still: last updated 3020 days ago, on 23 August 2018\./,
    );
  });

  it('a banned VPN stopped receiving updates too, with nothing about signatures', () => {
    const reasons = bannedUpdatesStopped.reasons(judge([kasperskyVpn], US, AFTER_CUTOFF).facts);
    expect(reasons.map((r) => r.text)).toEqual([
      'Kaspersky VPN Secure Connection stopped receiving updates 791 days ago, on 29 September 2024, when the ban in the United States ended them.',
    ]);
  });
});

describe('banned-updates-stop-soon (banned-product-updates-stop-soon, action)', () => {
  it('is a countdown, with no advice in it (advice is an action, and fits the product)', () => {
    const reasons = bannedUpdatesStopSoon.reasons(judge([kasperskyVpn], US, '2024-09-17T12:00:00Z').facts);
    expect(reasons.map((r) => r.text)).toEqual([
      'Kaspersky VPN Secure Connection stops receiving updates in 11 days, on 29 September 2024, when the ban in the United States ends them.',
    ]);
  });

  it('one day left is "1 day", not "1 days"', () => {
    const [reason] = bannedUpdatesStopSoon.reasons(judge([product({})], US, '2024-09-28T03:00:00Z').facts);
    expect(reason?.text).toMatch(/in 1 day, on 29 September 2024/);
  });
});

describe('antivirus-not-protecting (signatures-missing, signatures-out-of-date, realtime-off, realtime-unknown)', () => {
  const reasonFor = (p: Parameters<typeof product>[0]) =>
    antivirusNotProtecting.reasons(judge([{ ...clamav, ...p }], US, AFTER_CUTOFF).facts)[0];

  it('signatures-missing: only the product says they are out of date, and no date is known', () => {
    // Security Center's "out of date" bit (fixtures/detection/win7-mse-signatures-out-of-date):
    // the product has signatures; it is never "has no virus signatures".
    expect(reasonFor({ reportedUpToDate: false })).toMatchObject({
      code: 'signatures-missing',
      severity: 'action',
      text: 'ClamAV reports that its virus signatures are out of date, and no date of its last update was found.',
    });
  });

  it('signatures-out-of-date: older than a week, with the figure and the date it counts from', () => {
    expect(reasonFor({ signaturesDate: '2020-04-16T00:00:00Z' })).toMatchObject({
      code: 'signatures-out-of-date',
      text: 'The virus signatures of ClamAV are 2418 days old (last updated on 16 April 2020); Handover counts signatures older than 7 days as out of date.',
    });
  });

  it('realtime-off', () => {
    expect(reasonFor({ realtime: false })).toMatchObject({
      code: 'realtime-off',
      severity: 'action',
      text: 'ClamAV has its real-time protection off.',
    });
  });

  it('realtime-unknown says which fact is missing, as information', () => {
    expect(reasonFor({ realtime: null })).toMatchObject({
      code: 'realtime-unknown',
      severity: 'info',
      text: 'Handover could not tell whether ClamAV is protecting this computer: nothing it read shows whether its real-time protection is on.',
    });
  });

  it('is silent on a banned product past its cutoff (that rule says why) and on Defender stepping aside', () => {
    expect(antivirusNotProtecting.reasons(judge([product({})], US, AFTER_CUTOFF).facts)).toEqual([]);
    expect(
      antivirusNotProtecting.reasons(
        judge([bitdefender, { ...defender, realtime: false }], US, AFTER_CUTOFF).facts,
      ),
    ).toEqual([]);
  });
});

describe('built-in-stepped-aside (stepped-aside, info)', () => {
  it('Defender off beside another active, current antivirus is Windows working as designed', () => {
    const reasons = builtInSteppedAside.reasons(
      judge([bitdefender, { ...defender, realtime: false }], US, AFTER_CUTOFF).facts,
    );
    expect(reasons).toEqual([
      {
        code: 'stepped-aside',
        severity: 'info',
        text: 'Microsoft Defender Antivirus has stepped aside for Bitdefender Antivirus / Total Security, as designed: Windows turns it off while another antivirus is installed and kept up to date, and back on if that one is removed.',
        detectionIds: ['microsoft-defender-antivirus'],
      },
    ]);
  });

  it('not when the other antivirus is not protecting: then Defender being off is a problem', () => {
    const { facts } = judge(
      [
        { ...bitdefender, reportedUpToDate: false },
        { ...defender, realtime: false },
      ],
      US,
      AFTER_CUTOFF,
    );
    expect(builtInSteppedAside.reasons(facts)).toEqual([]);
    expect(antivirusNotProtecting.reasons(facts).map((r) => r.code)).toEqual([
      'signatures-missing',
      'realtime-off',
    ]);
  });
});

describe('protected-by (info)', () => {
  it("with a date: the signatures' age and date", () => {
    const [reason] = protectedBy.reasons(
      judge([{ ...defender, signaturesDate: '2026-11-28T09:00:00Z' }], US, AFTER_CUTOFF).facts,
    );
    expect(reason?.text).toBe(
      'Microsoft Defender Antivirus is protecting this computer: real-time protection is on and its virus signatures were updated 1 day ago, on 28 November 2026.',
    );
  });

  it("without a date: Security Center's up-to-date bit is worded as the product's claim", () => {
    const [reason] = protectedBy.reasons(judge([bitdefender], US, AFTER_CUTOFF).facts);
    expect(reason?.text).toBe(
      'Bitdefender Antivirus / Total Security is protecting this computer: real-time protection is on and it reports its virus signatures up to date (it shows no date for them).',
    );
  });
});

describe('ban-advisories (ban-advisory, info)', () => {
  it("Germany's BSI warning, once, as information", () => {
    const reasons = banAdvisories.reasons(judge([product({}), kasperskyVpn], DE, AFTER_CUTOFF).facts);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({
      severity: 'info',
      detectionIds: ['kaspersky-total-security', 'kaspersky-vpn-secure-connection'],
    });
    expect(reasons[0]?.text).toMatch(/BSI/);
  });
});

describe('leftovers-present (leftover-present, info)', () => {
  it('names what was left behind', () => {
    const leftover = product({
      id: 'kaspersky-leftovers',
      name: 'Kaspersky (left behind after removal)',
      kind: 'other',
      status: 'leftover',
    });
    expect(leftoversPresent.reasons(judge([defender, leftover], US, AFTER_CUTOFF).facts)[0]?.text).toBe(
      'Parts of Kaspersky (left behind after removal) are still on this computer after it was removed.',
    );
  });
});

const wscUnreadable = {
  id: 'windows.wsc.antivirus' as const,
  label: 'Windows Security Center',
  status: 'unreadable' as const,
  reason: 'could not read Windows Security Center because Windows says its namespace does not exist',
  records: 1,
};
const dpkgAbsent = { label: 'Installed packages (dpkg)', why: 'not-present' as const };
const rpmAbsent = { label: 'Installed packages (rpm)', why: 'not-present' as const };

describe('sources-unreadable (source-unreadable, info)', () => {
  it('each unreadable source, as a sentence', () => {
    const { facts } = judge([], US, AFTER_CUTOFF, { authoritative: false, unreadable: [wscUnreadable] });
    expect(sourcesUnreadable.reasons(facts).map((r) => r.text)).toEqual([
      'Could not read Windows Security Center because Windows says its namespace does not exist.',
    ]);
  });
});

describe('inventory-incomplete (info)', () => {
  it('says which lists were not read and why: "not on this computer" is not "could not be read"', () => {
    const { facts } = judge([{ ...clamav, realtime: false }], US, AFTER_CUTOFF, {
      authoritative: false,
      unreadable: [],
      listingsNotRead: [dpkgAbsent, rpmAbsent],
    });
    expect(inventoryIncomplete.reasons(facts).map((r) => r.text)).toEqual([
      'Handover could not check every place that lists antivirus products, so another antivirus may be installed (not on this computer: Installed packages (dpkg), Installed packages (rpm)).',
    ]);
  });

  it('is silent when the lists were read, or something protects anyway', () => {
    expect(
      inventoryIncomplete.reasons(judge([{ ...clamav, realtime: false }], US, AFTER_CUTOFF).facts),
    ).toEqual([]);
    const incomplete = { authoritative: false, unreadable: [], listingsNotRead: [dpkgAbsent] };
    expect(inventoryIncomplete.reasons(judge([clamav], US, AFTER_CUTOFF, incomplete).facts)).toEqual([]);
  });
});

describe('no-active-antivirus (action)', () => {
  it('only when the lists of antivirus products were read', () => {
    expect(noActiveAntivirus.reasons(judge([], US, AFTER_CUTOFF, COMPLETE).facts).map((r) => r.code)).toEqual(
      ['no-active-antivirus'],
    );
    expect(
      noActiveAntivirus.reasons(judge([], US, AFTER_CUTOFF, { authoritative: false, unreadable: [] }).facts),
    ).toEqual([]);
  });
});
