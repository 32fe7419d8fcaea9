import { describe, expect, it } from 'vitest';
import type { Alternative } from '../catalog/alternative-schema';
import { alternativesFor, buildAlternatives, loadAlternatives } from '../catalog/load-alternatives';
import { type MachineFit, rankChoices, SHOWN } from './rank-choices';

const windows = (osVersion: string | null, over: Partial<MachineFit> = {}): MachineFit => ({
  os: 'windows',
  osName: 'Microsoft Windows 10 Pro',
  osVersion,
  architecture: 'x64',
  installed: [],
  ...over,
});
const homeWindows = () => alternativesFor({ os: 'windows', audience: 'home' });
const ids = (list: readonly { alternative: Alternative }[]) => list.map((c) => c.alternative.id);

describe('rankChoices on the real catalog', () => {
  it('a home user on Windows 10 gets Microsoft Defender first, with the two facts that put it there', () => {
    const list = rankChoices(homeWindows(), windows('10.0.19045'));
    expect(list.best?.alternative.id).toBe('microsoft-defender');
    expect(list.best?.reasons).toEqual(['Already on this computer: part of Windows', 'No extra cost']);
    expect(list.best?.support).toEqual({ state: 'runs', label: 'Windows 10 and 11', confirmed: true });
    expect(list.noneStated).toBeNull();
  });

  it('shows at most SHOWN open, each with an official link, and folds the rest: nothing lost, nothing twice', () => {
    const choices = homeWindows();
    const list = rankChoices(choices, windows('10.0.22631'));
    const open = [list.best, ...list.others].filter((c) => c !== null);
    expect(open.length).toBeLessThanOrEqual(SHOWN);
    expect(open.length).toBeGreaterThan(1);
    for (const c of open) expect(c.link, c.alternative.id).not.toBeNull();
    const all = [...ids(open), ...ids(list.folded), ...ids(list.notForThisMachine)];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(ids(choices).sort());
  });

  it('on Windows 8.1 Defender still runs (as Windows Defender); on Windows 7 it is not for this computer', () => {
    const on81 = rankChoices(homeWindows(), windows('6.3.9600', { osName: 'Microsoft Windows 8.1' }));
    expect(on81.best?.alternative.id).toBe('microsoft-defender');
    expect(on81.best?.support).toMatchObject({
      state: 'runs',
      label: expect.stringMatching(/^Windows 8\.1/),
    });

    const on7 = rankChoices(
      homeWindows(),
      windows('6.1.7601', { osName: 'Microsoft Windows 7 Professional' }),
    );
    expect(ids(on7.notForThisMachine)).toContain('microsoft-defender');
    const defender = on7.notForThisMachine.find((c) => c.alternative.id === 'microsoft-defender');
    expect(defender?.support).toEqual({
      state: 'unsupported',
      why: 'Its sources name Windows 8.1 (as Windows Defender, without enterprise management) as the oldest it runs on',
    });
    expect(on7.best?.alternative.id).not.toBe('microsoft-defender');
    // No alternative left is stated to run on Windows 7: the person is told what to do.
    expect(on7.noneStated).toMatch(
      /do not say whether any of these runs on Microsoft Windows 7 Professional/,
    );
  });

  it('an unknown OS version filters nothing and claims nothing', () => {
    const list = rankChoices(homeWindows(), windows(null));
    expect(list.notForThisMachine).toEqual([]);
    expect(list.best?.support).toEqual({
      state: 'not-stated',
      stated: ['Windows 10 and 11', 'Windows 8.1 (as Windows Defender, without enterprise management)'],
    });
    expect(list.best?.reasons[0]).not.toMatch(/Already on this computer/);
  });

  it('a built-in product the scan found is already on this computer, whatever the version says', () => {
    const list = rankChoices(homeWindows(), windows(null, { installed: ['microsoft-defender-antivirus'] }));
    expect(list.best?.reasons).toEqual(['Already on this computer: part of Windows', 'No extra cost']);
  });

  it('a test result read only on a forum repost is not counted as confirmed', () => {
    const list = rankChoices(homeWindows(), windows('10.0.19045'));
    const avast = [list.best, ...list.others, ...list.folded].find((c) => c?.alternative.id === 'avast');
    const repost = avast?.testsShown.find((t) => t.test.url.includes('malwaretips.com'));
    expect(repost?.confirmed).toBe(false);
    const lab = loadAlternatives()
      .find((a) => a.id === 'microsoft-defender')
      ?.tests.find((t) => t.url.includes('av-test.org'));
    expect(lab).toBeDefined();
    expect(list.best?.testsShown.find((t) => t.test === lab)?.confirmed).toBe(true);
  });
});

describe('rankChoices rules', () => {
  const SRC = 'https://vendor.example/page';
  const FORUM = 'https://forum.example/thread';
  const entry = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    name: id,
    vendor: { name: id, domains: ['vendor.example'], domainsSeen: true },
    productId: null,
    platforms: ['windows'],
    builtIn: false,
    audience: ['home'],
    cost: { freeTier: null, note: 'Not known.', sources: [] },
    replaces: [{ feature: 'antivirus', sources: [SRC] }],
    tests: [],
    downloadUrl: null,
    productPage: SRC,
    notes: [],
    sources: [
      { title: 'Vendor page', kind: 'vendor', url: SRC },
      { title: 'Forum', kind: 'community', url: FORUM },
    ],
    checked: '2026-12-03',
    ...over,
  });
  const build = (...entries: Record<string, unknown>[]) =>
    alternativesFor(
      { os: 'windows', audience: 'home' },
      buildAlternatives(entries.map((data) => ({ file: `${String(data.id)}.json`, data }))),
    );
  const runsFrom = (minVersion: string, architectures?: string[], source = SRC) => ({
    systems: [
      {
        platform: 'windows',
        minVersion,
        label: `version ${minVersion}`,
        sources: [source],
        ...(architectures ? { architectures } : {}),
      },
    ],
  });

  it('stated to run here beats not stated; a confirmed free tier beats none; more confirmed tests beat fewer', () => {
    const list = rankChoices(
      build(
        entry('a-not-stated', { cost: { freeTier: true, note: 'Free.', sources: [SRC] } }),
        entry('b-runs', runsFrom('10.0')),
        entry('c-runs-free', {
          ...runsFrom('10.0'),
          cost: { freeTier: true, note: 'Free.', sources: [SRC] },
        }),
        entry('d-runs-free-forum-only', {
          ...runsFrom('10.0'),
          cost: { freeTier: true, note: 'Free, says a forum.', sources: [FORUM] },
        }),
      ),
      windows('10.0.19045'),
    );
    expect([list.best, ...list.others].map((c) => c?.alternative.id)).toEqual([
      'c-runs-free',
      'b-runs',
      'd-runs-free-forum-only',
      'a-not-stated',
    ]);
    expect(list.best?.reasons).toEqual(['Has a free version', 'Runs on version 10.0']);
  });

  it('a support statement resting only on a forum is shown, but as unconfirmed, and gives no reason', () => {
    const list = rankChoices(
      build(entry('forum-says', runsFrom('10.0', undefined, FORUM))),
      windows('10.0.1'),
    );
    expect(list.best?.support).toEqual({ state: 'runs', label: 'version 10.0', confirmed: false });
    expect(list.best?.reasons).toEqual([]);
  });

  it('filters by processor where the sources name processors', () => {
    const list = rankChoices(
      build(entry('x64-only', runsFrom('10.0', ['x64']))),
      windows('10.0.1', { architecture: 'arm64' }),
    );
    expect(list.best).toBeNull();
    expect(list.notForThisMachine[0]?.support).toEqual({
      state: 'unsupported',
      why: 'Not made for ARM processors',
    });
    expect(list.noneStated).toMatch(
      /^None of the alternatives Handover lists runs on Microsoft Windows 10 Pro/,
    );
    // An unknown processor filters nothing.
    expect(
      rankChoices(
        build(entry('x64-only', runsFrom('10.0', ['x64']))),
        windows('10.0.1', { architecture: null }),
      ).best,
    ).not.toBeNull();
  });

  it('an alternative without an official page is never shown open: it is folded', () => {
    const list = rankChoices(
      build(entry('no-page', { ...runsFrom('10.0'), productPage: null }), entry('with-page')),
      windows('10.0.1'),
    );
    expect(list.best?.alternative.id).toBe('with-page');
    expect(ids(list.folded)).toEqual(['no-page']);
  });

  it('no choices: nothing to rank and nothing to say', () => {
    expect(rankChoices([], windows('10.0.1'))).toEqual({
      best: null,
      others: [],
      folded: [],
      notForThisMachine: [],
      noneStated: null,
    });
  });
});
