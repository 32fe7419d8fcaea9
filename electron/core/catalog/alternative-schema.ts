/**
 * The alternatives catalog's schema: what the "Choose" step of the migration offers in place of
 * Kaspersky. One JSON file per alternative in ./alternatives (file name = id), every fact sourced
 * from ../shared research (alternatives.md, migration-facts.md, bans.md). See docs/catalog.md.
 *
 * Nothing here is a recommendation: the order the app shows is computed from the evidence in the
 * files (load-alternatives.ts, `alternativesFor`), never written into them.
 */
import { z } from 'zod';
import { sourceKindSchema } from './source-kinds';

export const alternativePlatforms = ['windows', 'windows-server', 'macos', 'linux'] as const;
export type AlternativePlatform = (typeof alternativePlatforms)[number];

export const alternativeAudiences = ['home', 'business'] as const;
export type AlternativeAudience = (typeof alternativeAudiences)[number];

/** The Kaspersky features an alternative can take over (Kaspersky's US farewell bundle). */
export const kasperskyFeatures = ['antivirus', 'vpn', 'password-manager', 'parental-controls'] as const;
export type KasperskyFeature = (typeof kasperskyFeatures)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** An https URL (every link the app may show or open). */
export const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

const day = '\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?';
/** ISO calendar date, or a year / year-month where the source gives no more. */
const isoDate = new RegExp(`^${day}$`);
/** ISO date or ISO interval `start/end` (a test period: "2024-03/2024-04"). */
const isoDateOrPeriod = new RegExp(`^${day}(/${day})?$`);

/** A bare lower-case host name ("avast.com"); subdomains are allowed by the matching rule. */
const domain = z
  .string()
  .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'a lower-case host name without scheme or path');

/** URLs of this entry's `sources` that back a statement (the loader checks they are listed). */
const sourceRefs = z.array(httpsUrl);

export const alternativeSourceSchema = z
  .object({
    title: z.string().min(1),
    /** Who publishes the page read (source-kinds.ts): a fact resting only on community sources is shown as unconfirmed. */
    kind: sourceKindSchema,
    url: httpsUrl,
    /** Publication (or effective) date, when the source gives one. */
    date: z.string().regex(isoDate).optional(),
    /** When this source was read, where it differs from the file's `checked` (a source added later). */
    checked: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** How it was read: this machine has no network, so a page is read as a stored copy ("archived copy in the search corpus"). */
    checkedHow: z.string().min(1).optional(),
  })
  .strict();
export type AlternativeSource = z.infer<typeof alternativeSourceSchema>;

export const testResultSchema = z
  .object({
    /** The testing lab ("AV-TEST", "AV-Comparatives"). */
    lab: z.string().min(1),
    /** The test or award as the lab names it. */
    test: z.string().min(1),
    /** The product (edition) the lab tested: results belong to an edition, not to the brand. */
    product: z.string().min(1),
    /** ISO date or interval. */
    date: z.string().regex(isoDateOrPeriod, 'an ISO date, year-month, year or interval a/b'),
    /** Whether `date` is the test period (or award year) or the publication date. */
    dateKind: z.enum(['test-period', 'published']),
    /** The result in the source's own words. */
    result: z.string().min(1),
    /** Where it was read (the lab's page, or the repost named in `via`). */
    url: httpsUrl,
    /** Set when `url` is not the lab's own page ("BetaNews report of the AV-Comparatives summary"). */
    via: z.string().min(1).optional(),
    /** The platform tested, when the source says; results without one apply to every platform of the entry. */
    platform: z.enum(alternativePlatforms).optional(),
  })
  .strict();
export type TestResult = z.infer<typeof testResultSchema>;

export const alternativeNoteSchema = z
  .object({
    /**
     * 'fact': a neutral fact with at least one source. 'unverified': what the research could not
     * confirm (an unread domain, an open question); shown as such, sources optional.
     */
    kind: z.enum(['fact', 'unverified']),
    /** Plain words. */
    text: z.string().min(1),
    sources: sourceRefs,
    /** Show only on these platforms (Windows Server's manual re-enable); all platforms when absent. */
    platforms: z.array(z.enum(alternativePlatforms)).min(1).optional(),
  })
  .strict();
export type AlternativeNote = z.infer<typeof alternativeNoteSchema>;

/**
 * What else the vendor says a system needs to run the alternative (disk space, a download): the
 * pre-flight (core/plan/preflight.ts) checks this computer against it before the first change.
 * Which systems and versions it runs on is `systems` (systemSupportSchema), the one field the
 * Choose step and the pre-flight both read. One entry per platform, each with the page it was
 * read on.
 */
export const requirementSchema = z
  .object({
    platform: z.enum(alternativePlatforms),
    /** Free disk space the installation needs, in megabytes. */
    diskMB: z.number().int().positive().optional(),
    /** The new product must be downloaded (a built-in one still downloads its signatures). */
    downloads: z.boolean(),
    sources: sourceRefs.min(1),
  })
  .strict();
export type Requirement = z.infer<typeof requirementSchema>;

/** Processor architectures an alternative's installer names. */
export const architectures = ['x64', 'x86', 'arm64'] as const;
export type Architecture = (typeof architectures)[number];

/**
 * One platform it runs on, as a source states it: the lowest OS version (and the architectures,
 * when the source names them). Versions are the OS's own numbers: Windows "10.0" (10 and 11),
 * "6.3" (8.1), "6.1" (7), Windows Server 2016 "10.0.14393"; macOS "13.0"; a Linux distribution's
 * own ("Debian 11"). An alternative with no entry for a platform has no
 * stated version range there: the Choose step says so rather than guessing.
 */
export const systemSupportSchema = z
  .object({
    platform: z.enum(alternativePlatforms),
    /**
     * Linux: the distribution the minimum is for ("Debian", "Ubuntu", "Red Hat Enterprise Linux"),
     * found in the scan's OS name case-insensitively; its version is the distribution's own
     * ("11", "20.04"). Absent: the entry holds for every system of the platform.
     */
    distribution: z.string().min(1).optional(),
    minVersion: z.string().regex(/^\d+(\.\d+)*$/, 'dotted version numbers ("10.0")'),
    /** Words for the person ("Windows 10 and 11"). */
    label: z.string().min(1),
    architectures: z.array(z.enum(architectures)).min(1).optional(),
    sources: sourceRefs.min(1),
  })
  .strict();
export type SystemSupport = z.infer<typeof systemSupportSchema>;

export const alternativeSchema = z
  .object({
    /** Equal to the file name without .json. */
    id: slug,
    name: z.string().min(1),
    vendor: z
      .object({
        name: z.string().min(1),
        /** Headquarters country, ISO 3166 alpha-2: only when a source gives it. */
        country: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .optional(),
        /**
         * The vendor's official domains: the only hosts the app opens for it, subdomains included
         * (a host matches `d` when it is `d` or ends with `.d`).
         */
        domains: z.array(domain).min(1),
        /** True when every domain appeared in a source read for the research; false = well-known, unverified. */
        domainsSeen: z.boolean(),
      })
      .strict(),
    /** The detection catalog product id (products/*.json) the installed alternative is detected as, or null. */
    productId: slug.nullable(),
    platforms: z.array(z.enum(alternativePlatforms)).min(1),
    /**
     * Part of the operating system on its platforms (Defender, XProtect): shown as "Built in".
     * A product installed from a distribution's packages (ClamAV on Linux) is not built in.
     */
    builtIn: z.boolean(),
    /** The sources that say it is part of the system: required when builtIn (the loader checks). */
    builtInSources: sourceRefs.optional(),
    /**
     * Installed from the Linux distribution's own packages (ClamAV): the package names, with the
     * sources that say so. The Install step names them instead of a download page.
     */
    distributionPackages: z
      .object({
        names: z.array(z.string().regex(/^[a-z0-9][a-z0-9+.-]*$/)).min(1),
        sources: sourceRefs.min(1),
      })
      .strict()
      .optional(),
    /** What a system needs to run it, per platform (the pre-flight checks it). */
    requirements: z.array(requirementSchema).optional(),
    audience: z.array(z.enum(alternativeAudiences)).min(1),
    cost: z
      .object({
        /** null: the sources read do not establish it. */
        freeTier: z.boolean().nullable(),
        note: z.string().min(1),
        sources: sourceRefs,
      })
      .strict(),
    /** The Kaspersky features it takes over, each with its source. */
    replaces: z
      .array(
        z
          .object({
            feature: z.enum(kasperskyFeatures),
            note: z.string().min(1).optional(),
            sources: sourceRefs.min(1),
          })
          .strict(),
      )
      .min(1),
    /** Independent lab results read in the research; never invented, may be empty. */
    tests: z.array(testResultSchema),
    /** The vendor's official download page (https, on vendor.domains); null for built-ins and where no URL was seen. */
    downloadUrl: httpsUrl.nullable(),
    /**
     * The vendor's official product page (https, on vendor.domains, listed in sources): what the
     * Choose step links to when there is no download page (a built-in product, a business one).
     */
    productPage: httpsUrl.nullable().default(null),
    /** Where it runs (OS versions, architectures), as its sources state; see systemSupportSchema. */
    systems: z.array(systemSupportSchema).default([]),
    notes: z.array(alternativeNoteSchema),
    sources: z.array(alternativeSourceSchema).min(1),
    /** ISO date the facts were read. */
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();
export type Alternative = z.infer<typeof alternativeSchema>;
