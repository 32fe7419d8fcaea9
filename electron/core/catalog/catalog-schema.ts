/**
 * The product catalog's schema. The catalog is data (one JSON file per product family in
 * ./products), so adding a product means adding a file and a fixture, not code.
 *
 * Patterns are JavaScript regular expression sources, matched case-insensitively against the
 * WHOLE value (the matcher anchors them). A named group `version` extracts the product version,
 * e.g. "Kaspersky Total Security (?<version>\\d+(\\.\\d+)*)"; a group `versionMinor` is joined to it
 * with a dot, for names that write the version with another separator (the driver service
 * "klids.K4W-21-25" is the 21.25 line [S64]); a group `versionSuffix` is appended to it after a
 * space ("Endpoint Security 10 for Windows SP1" → "10 SP1"). Use `.*` for contains-matches.
 */
import { z } from 'zod';
import { sourceKindSchema } from './source-kinds';

const pattern = z.string().min(1);
const patterns = z.array(pattern).optional();

export const productKinds = [
  'antivirus',
  'vpn',
  'password-manager',
  'parental-control',
  'management-agent',
  'firewall',
  'other',
] as const;
export type ProductKind = (typeof productKinds)[number];

export const windowsSignaturesSchema = z
  .object({
    /** root/SecurityCenter2 displayName (localised names too). */
    wscDisplayName: patterns,
    /** pathToSignedProductExe / pathToSignedReportingExe. */
    wscExe: patterns,
    /** Uninstall / Installer UserData DisplayName. */
    uninstallName: patterns,
    /** Uninstall Publisher: only strengthens a name match, never matches alone. */
    publisher: patterns,
    /** Service short name (Win32_Service Name). */
    service: patterns,
    serviceDisplayName: patterns,
    /** Service or driver binary path (PathName / ImagePath). */
    servicePath: patterns,
    /** Kernel driver short name or file name (klif, klif.sys). */
    driver: patterns,
    /** Process image name (avp.exe). */
    process: patterns,
    /** Process executable path. */
    processPath: patterns,
    /** Files or folders whose existence shows the product. */
    path: patterns,
  })
  .strict();

export const macosSignaturesSchema = z
  .object({
    /** CFBundleIdentifier of an application bundle. */
    bundleId: patterns,
    /** Application bundle name (without .app) or CFBundleName. */
    appName: patterns,
    systemExtension: patterns,
    launchdLabel: patterns,
    /** Package receipt ids (pkgutil --pkgs). */
    pkgId: patterns,
    process: patterns,
    path: patterns,
  })
  .strict();

export const linuxSignaturesSchema = z
  .object({
    /** dpkg / rpm package name. */
    package: patterns,
    systemdUnit: patterns,
    process: patterns,
    path: patterns,
  })
  .strict();

export const signaturesSchema = z
  .object({
    windows: windowsSignaturesSchema.optional(),
    macos: macosSignaturesSchema.optional(),
    linux: linuxSignaturesSchema.optional(),
  })
  .strict();
export type ProductSignatures = z.infer<typeof signaturesSchema>;

export const catalogSourceSchema = z
  .object({
    /** Short key used by products in this file ("S45"), matching research/detection.md where it came from. */
    id: z.string().min(1),
    title: z.string().min(1),
    /** Who publishes the page read (source-kinds.ts); required. */
    kind: sourceKindSchema,
    url: z.string().url().optional(),
    /** When the source was read or published (ISO date). */
    date: z.string().optional(),
  })
  .strict();

export const catalogProductSchema = z
  .object({
    /** Stable id: used in reports, support codes and the migration plan. Never reuse one. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    /** Other names it is known by: localised, older, renamed (Total Security → Premium). */
    aliases: z.array(z.string().min(1)).default([]),
    kind: z.enum(productKinds),
    /** Built into the OS (Microsoft Defender): the first alternative where it exists. */
    builtIn: z.boolean().default(false),
    /**
     * A catch-all for a vendor line whose edition the sources cannot tell (the service
     * "Kaspersky Anti-Virus Service 21.2" is shared by every 2021 consumer suite). Reported only
     * when no more specific product of the same vendor is found; otherwise its evidence joins that one.
     */
    generic: z.boolean().default(false),
    /** Business line (Endpoint Security, Network Agent): shown with the business options. */
    business: z.boolean().default(false),
    /**
     * How a dpkg/rpm package version reads as the product's version. 'upstream' (the default):
     * the part before the revision ('1.4.6' of '1.4.6+dfsg-0+deb12u1'). 'build-revision': the
     * revision is the product's build number ('12.1.0-1297' is 12.1.0.1297), as Kaspersky's
     * Linux packages are numbered (docs/catalog.md).
     */
    packageVersion: z.enum(['upstream', 'build-revision']).default('upstream'),
    signatures: signaturesSchema,
    /**
     * Windows services (short names, matched like `service`) that run the product's real-time
     * engine: when one is seen stopped or disabled, the product is not protecting in real time,
     * whatever else reports (WinDefend Stopped beside Huorong, RealTimeProtectionEnabled False [S25]).
     */
    engineServices: z.array(pattern).optional(),
    /** Source ids (from this file's `sources`) behind the signatures. */
    sources: z.array(z.string()).min(1),
    notes: z.string().optional(),
  })
  .strict();
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const catalogFamilySchema = z
  .object({
    /** Family id, equal to the file name without .json. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    vendor: z
      .object({
        /** 'kaspersky' marks the family the ban policy is about; shared by all Kaspersky families. */
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        name: z.string().min(1),
        /** Headquarters country, ISO 3166 alpha-2. */
        country: z.string().length(2).optional(),
        /** Publisher strings as written in Uninstall entries and receipts (localised too). */
        publishers: z.array(z.string()).default([]),
      })
      .strict(),
    /**
     * How a support code names this family (docs/support-code.md): its number, handed out once
     * and never changed or reused (codes read out today must decode the same in every later
     * Handover: the next family takes the next free number), and the label the technician's decoder
     * shows, naming what a caller would recognise. 0 and 1 mean "no product" and "a product the
     * catalog does not know"; the layout has room for 64 numbers.
     */
    supportCode: z.object({ number: z.number().int().min(2).max(63), label: z.string().min(1) }).strict(),
    products: z.array(catalogProductSchema).min(1),
    /**
     * Vendor components that are not a product by themselves (kernel drivers, data folders,
     * registry roots). Attached to a detected product of the same vendor as evidence; alone they
     * mean a leftover of an earlier install.
     */
    components: signaturesSchema.optional(),
    sources: z.array(catalogSourceSchema).min(1),
  })
  .strict();
export type CatalogFamily = z.infer<typeof catalogFamilySchema>;
