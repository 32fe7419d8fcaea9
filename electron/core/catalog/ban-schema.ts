/**
 * Bans and official actions as dated, sourced data (../shared research/bans.md).
 * The policy (electron/core/policy) reads these; no date lives in code.
 */
import { z } from 'zod';
import { sourceKindSchema } from './source-kinds';

export const banScopes = [
  'consumers',
  'businesses',
  'federal-agencies',
  'gov-contractors',
  'critical-infrastructure',
  'gov-devices',
  'government',
  'telecom-subsidies',
] as const;

export const banMilestoneEffects = ['no-new-sales', 'no-updates'] as const;

export const banSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** ISO 3166 alpha-2 of the country whose machines it concerns. */
    jurisdiction: z.string().length(2),
    body: z.string().min(1),
    instrument: z.string().min(1),
    /** Plain-language one-line summary for the screen. */
    summary: z.string().min(1),
    scope: z.array(z.enum(banScopes)).min(1),
    /** A binding prohibition, or advice/warning (BSI, NCSC). */
    binding: z.boolean(),
    /** Vendor ids (catalog family vendor.id) it covers. */
    vendors: z.array(z.string()).min(1),
    /** ISO date it was issued/announced. */
    issued: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    milestones: z
      .array(
        z
          .object({
            effect: z.enum(banMilestoneEffects),
            /** Exact instant (ISO 8601 with offset or Z). */
            at: z.string().datetime({ offset: true }),
            /** How to show the date to people ("29 September 2024"). */
            display: z.string().min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** Whether people may legally keep using what they have. */
    legalToKeepUsing: z.boolean().optional(),
    sources: z
      .array(z.object({ title: z.string().min(1), kind: sourceKindSchema, url: z.string().url() }).strict())
      .min(1),
    notes: z.string().optional(),
  })
  .strict();
export type Ban = z.infer<typeof banSchema>;
