/**
 * "Copy summary": the report in 10 to 15 plain-text lines, to paste into an e-mail or a ticket.
 * Every line starts with Handover's own label and every value is flattened to one line
 * (oneLine), so a product name from a capture cannot add a line or pass for Handover's words.
 */
import { oneLine } from '../util/visible-text';
import { dateWithIso } from './report-dates';
import type { Report, ReportDetection, ReportMigration } from './report-schema';
import {
  actionTexts,
  banWords,
  definitionsWords,
  hasSignatures,
  LEVEL_WORDS,
  productWithVersion,
  protectingWords,
  realtimeWords,
  regionWords,
  STATUS_WORDS,
  systemWords,
} from './report-words';

/** Four products keep the summary within 15 lines; a machine with more says how many more. */
const MAX_PRODUCTS = 4;

function productLine(d: ReportDetection): string {
  const state =
    d.status === 'leftover'
      ? [STATUS_WORDS[d.status]]
      : hasSignatures(d)
        ? [
            STATUS_WORDS[d.status],
            realtimeWords(d.realtime),
            `virus definitions ${definitionsWords(d)}`,
            protectingWords(d.protecting),
            banWords(d),
          ]
        : [STATUS_WORDS[d.status], banWords(d)];
  return `- ${oneLine(productWithVersion(d), 80)}: ${oneLine(state.filter(Boolean).join(', '), 200)}`;
}

function migrationLine(migration: ReportMigration | null): string {
  if (migration === null) return 'Migration: none in progress';
  // One count everywhere (issue 12 §1): the step's place among this system's steps, as the
  // window's rail and heading number it ("Step 4 of 8: Remove").
  const index = migration.steps.findIndex((s) => s.id === migration.currentStep);
  const current = migration.steps[index];
  const moving = migration.chosen ? `, moving to ${oneLine(migration.chosen.name, 60)}` : '';
  const where = `at step ${index + 1} of ${migration.steps.length}, "${oneLine(current?.title ?? migration.currentStep, 40)}"`;
  return migration.started ? `Migration: ${where}${moving}` : `Migration: needed, not started${moving}`;
}

/** The one thing to do now: the journey's current step, else the first action the verdict names. */
function nextLine(report: Report): string {
  const migration = report.migration;
  const current = migration?.started
    ? migration.steps.find((s) => s.id === migration.currentStep)
    : undefined;
  const next = current?.what ?? actionTexts(report)[0] ?? 'nothing needs to change.';
  return `Next: ${oneLine(next)}`;
}

export function reportSummaryText(report: Report): string {
  const { machine, scan } = report;
  const shown = report.detections.slice(0, MAX_PRODUCTS);
  const more = report.detections.length - shown.length;
  const lines = [
    `Handover antivirus report: ${LEVEL_WORDS[report.verdict.level]}`,
    `Verdict: ${oneLine(report.verdict.headline)}`,
    `Computer: ${oneLine(machine.hostname ?? 'name not recorded', 60)}, ${oneLine(systemWords(machine), 80)}`,
    `Region: ${oneLine(regionWords(report.region))}`,
    `Scanned: ${oneLine(dateWithIso(scan.scannedAt))}${scan.replayed ? ', replayed from a capture file' : ''}`,
    `Security software found: ${report.detections.length === 0 ? 'none' : report.detections.length}`,
    ...shown.map(productLine),
    ...(more > 0 ? [`- and ${more} more (see the full report)`] : []),
    migrationLine(report.migration),
    nextLine(report),
    `Support code: ${report.supportCode ? oneLine(report.supportCode, 40) : 'none'}`,
    `Report made: ${oneLine(dateWithIso(report.generatedAt))} by Handover ${oneLine(report.app.version, 40)}`,
  ];
  return `${lines.join('\n')}\n`;
}
