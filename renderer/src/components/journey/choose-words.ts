/**
 * Every string of the Choose step, in one place: each a whole sentence or a function of whole
 * values (no sentence is built by gluing pieces), so a translation (Spanish, Russian) can reorder
 * and inflect freely.
 */
export const CHOOSE_WORDS = {
  legend: 'What should protect this computer next?',
  intro: 'The best fit for this computer is chosen for you. Handover is paid by none of them.',
  bestFit: 'Best fit',
  whyBest: 'Why this one',
  openPage: (kind: 'download' | 'product') =>
    kind === 'download' ? 'Open the download page' : 'Open its page',
  openPageFor: (name: string) => `Open the official page of ${name} in your browser`,
  pageOpened: 'The page is open in your browser.',
  evidence: (tests: number, notes: number) =>
    notes === 0
      ? `Evidence: ${tests} independent test ${tests === 1 ? 'result' : 'results'}`
      : `Evidence: ${tests} independent test ${tests === 1 ? 'result' : 'results'}, ${notes} ${notes === 1 ? 'note' : 'notes'}`,
  evidenceFor: (name: string) => `for ${name}`,
  noTests: 'No independent test result was found for this one.',
  testsLabel: (name: string) => `Independent test results for ${name}`,
  notesLabel: (name: string) => `Good to know about ${name}`,
  goodToKnow: 'Good to know',
  madeBy: 'Made by',
  cost: 'Cost',
  takesOver: 'Takes over from Kaspersky',
  runsOn: 'Runs on',
  runsOnNotStated: 'Which versions it runs on: not stated in Handover’s sources',
  runsOnVersionUnknown: (stated: string) => `${stated} (this computer’s version was not read)`,
  notConfirmed: 'Not confirmed',
  notConfirmedWhy: 'only a forum, blog or copy says so',
  readVia: (via: string) => `read on ${via}`,
  more: (count: number) => `${count} more ${count === 1 ? 'alternative' : 'alternatives'}`,
  notForThis: (count: number) => `Not for this computer (${count})`,
  noPage: 'Handover has no checked official page for this one yet.',
  choose: (name: string | null) => (name ? `Choose ${name}` : 'Choose'),
  pickFirst: 'Pick one above first.',
} as const;
