import { describe, expect, it } from 'vitest';
import { NOW, replayCase as scanOf } from '../../probes/replay/test-support/replayed-scans';
import { DEFENDER_CHOICE as defender } from '../test-support/plan-inputs';
import { buildPlan, type MigrationPlan } from './build-plan';
import { type PlanAlternative, type PlanProgress, STEP_IDS } from './migration-steps';
import { listInWords, type TechnicianNote, technicianNotes } from './technician-notes';

const avast: PlanAlternative = {
  id: 'avast',
  name: 'Avast Free Antivirus',
  builtIn: false,
  productId: 'avast-antivirus',
  downloadUrl: 'https://www.avast.com/free-antivirus-download',
  packages: null,
};

const at = (stepId: PlanProgress['stepId'], extra: Partial<PlanProgress> = {}): PlanProgress => ({
  stepId,
  choices: {},
  ticked: [],
  removed: [],
  ...extra,
});

async function planOf(
  path: string,
  progress: PlanProgress | null,
  alternatives: readonly PlanAlternative[] = [defender],
): Promise<MigrationPlan> {
  return buildPlan({ result: await scanOf(path), progress, alternatives, now: NOW });
}

const text = (note: TechnicianNote) => [...note.say, ...note.see].join('\n');

describe('technicianNotes', () => {
  it('gives every step something to say and something to see, on every journey', async () => {
    const plans = [
      await planOf('detection/win-kes10-de-wsc', null),
      await planOf(
        'journeys/windows-kts-to-defender/1-before',
        at('remove', { choices: { alternativeId: 'microsoft-defender' } }),
      ),
      await planOf('journeys/linux-kesl/1-before', at('keep-data')),
      await planOf('detection/win10-bitdefender-defender-off-thm', null),
    ];
    for (const plan of plans) {
      const notes = technicianNotes(plan);
      for (const id of STEP_IDS) {
        expect(notes[id].say.length, id).toBeGreaterThan(0);
        expect(notes[id].see.length, id).toBeGreaterThan(0);
        for (const line of [...notes[id].say, ...notes[id].see]) expect(line.trim(), id).not.toBe('');
      }
    }
  });

  it('Check quotes the headline and the days since updates stopped', async () => {
    const notes = technicianNotes(await planOf('detection/win-kes10-de-wsc', null));
    expect(notes.check.say[0]).toContain(
      '“Your antivirus stopped receiving updates 791 days ago, on 29 September 2024.”',
    );
    expect(text(notes.check)).toContain('Updates stopped on 29 September 2024, 791 days ago');
    expect(text(notes.check)).toContain('Start button');
  });

  it('Check on a protected machine says nothing needs to change, and no Start button', async () => {
    const notes = technicianNotes(await planOf('detection/win10-bitdefender-defender-off-thm', null));
    expect(notes.check.say).toContain('Nothing needs to change.');
    expect(notes.check.see[0]).toContain('no Start button');
  });

  it("Keep your data lists this machine's items, from the plan", async () => {
    const plan = await planOf('journeys/windows-kts-to-defender/1-before', at('keep-data'));
    const notes = technicianNotes(plan);
    expect(plan.keepData.map((i) => i.id).sort()).toEqual([
      'quarantine',
      'stop-auto-renewal',
      'vpn-subscription',
    ]);
    for (const item of plan.keepData) {
      expect(notes['keep-data'].say).toContain(`${item.title}: ${item.how}`);
      expect(notes['keep-data'].see[0]).toContain(`“${item.title}”`);
    }
    expect(notes['keep-data'].see[0]).toMatch(/^3 items, each with a tick box: /);
    // Titles keep their capitals (VPN, My Kaspersky) in the middle of the sentence.
    expect(notes['keep-data'].say[0]).toBe(
      'Before we remove anything, let us save what only the old product holds: note your VPN subscription, restore anything you need from quarantine and stop auto-renewal in My Kaspersky.',
    );
    // No Password Manager on this machine: no converter to point at.
    expect(text(notes['keep-data'])).not.toContain('Export your passwords');
  });

  it('Remove names the products, the registered uninstall command verbatim and the managed-install notes', async () => {
    const plan = await planOf(
      'journeys/windows-kes-managed/1-before',
      at('remove', { choices: { alternativeId: 'microsoft-defender' } }),
    );
    const remove = technicianNotes(plan).remove;
    expect(remove.say[0]).toBe(
      'Now we remove Kaspersky Endpoint Security for Windows and Kaspersky Security Center Network Agent. Microsoft Defender Antivirus takes over afterwards.',
    );
    expect(text(remove)).toContain(
      'Registered as: msiexec.exe /x {7A4192A1-84C4-4E90-A31B-B4847CA8E23A} /qn',
    );
    expect(text(remove)).toContain('Windows Installer window');
    expect(text(remove)).toContain('ksc.example.org');
    expect(text(remove)).toContain('kavremover');
    expect(text(remove)).toContain(
      'Settings › Apps › Installed apps › Kaspersky Security Center Network Agent › Uninstall',
    );
  });

  it('Choose, Install and Done name the alternative chosen; a third-party install names its official page', async () => {
    const progress = at('install', { choices: { alternativeId: 'avast' } });
    const notes = technicianNotes(
      await planOf('journeys/windows-standard-kpm-to-thirdparty/1-before', progress, [defender, avast]),
    );
    expect(notes.choose.say[0]).toContain('You chose Avast Free Antivirus');
    expect(notes.install.say[0]).toContain("Avast Free Antivirus's official page on www.avast.com");
    expect(notes.install.see[0]).toBe('The official page: https://www.avast.com/free-antivirus-download');
    expect(notes.done.say[0]).toBe('Avast Free Antivirus now protects your computer.');
    // Password Manager is on this machine: the converter is pointed at, and the plain-text files must go.
    expect(text(notes['keep-data'])).toContain('Under “Export your passwords”');
    expect(notes.done.say.at(-1)).toContain('Delete the password export files');
  });

  it('Install with Defender chosen points at the signature update; without a choice it sends back to Choose', async () => {
    const withDefender = technicianNotes(
      await planOf(
        'journeys/windows-kts-to-defender/1-before',
        at('install', { choices: { alternativeId: 'microsoft-defender' } }),
      ),
    );
    expect(text(withDefender.install)).toContain('“Update its signatures now…”');
    const none = technicianNotes(await planOf('journeys/windows-kts-to-defender/1-before', at('keep-data')));
    expect(none.install.say[0]).toContain('go back to the Choose step');
  });

  it("Restart gives Windows' reasons when it waits for one, is skipped once the removal asked for none, and is no step off Windows", async () => {
    const waiting = await planOf(
      'journeys/windows-kts-to-defender/2-after-removal',
      at('restart', { choices: { alternativeId: 'microsoft-defender' } }),
    );
    expect(waiting.restartReasons.length).toBeGreaterThan(0);
    expect(technicianNotes(waiting).restart.say[0]).toBe(
      `Windows needs a restart to finish: ${listInWords(waiting.restartReasons)}.`,
    );

    const removed = await planOf(
      'journeys/windows-kes-managed/2-after-removal',
      at('install', { choices: { alternativeId: 'microsoft-defender' } }),
    );
    const restart = removed.steps.find((s) => s.id === 'restart');
    expect(restart?.state).toBe('skipped');
    expect(technicianNotes(removed).restart.see[0]).toBe(
      `On the list of steps, Restart is marked Skipped: ${restart?.skippedBecause}.`,
    );

    const linux = await planOf('journeys/linux-kesl/1-before', at('keep-data'));
    expect(linux.steps.find((s) => s.id === 'restart')).toBeUndefined();
  });

  it("Verify reads out the fresh scan's checks, the missing ones as still to fix", async () => {
    const plan = await planOf(
      'journeys/windows-kts-to-defender/1-before',
      at('verify', { choices: { alternativeId: 'microsoft-defender' } }),
    );
    const verify = technicianNotes(plan).verify;
    const missing = plan.checks.filter((c) => !c.ok);
    expect(missing.length).toBeGreaterThan(0);
    expect(verify.say.at(-1)).toBe(`Still to fix: ${missing.map((c) => c.text).join(' ')}`);
    for (const c of plan.checks) expect(verify.see).toContain(`${c.ok ? 'OK' : 'Missing'}: ${c.text}`);
  });
});

describe('listInWords', () => {
  it('joins with commas and a final "and"', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['A'])).toBe('A');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
