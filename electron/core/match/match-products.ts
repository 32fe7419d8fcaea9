/**
 * Matching: observations + catalog → products found, each with its evidence and status.
 * One product seen through several sources (Security Center, a service, an uninstall entry)
 * is one product. Every observation goes to the catalog product it identifies most
 * specifically (a path beats a name); vendor components (drivers, data folders) join a product
 * of their vendor, or alone mean a leftover of an earlier install.
 */

import type { Platform } from '../capture';
import type { CatalogFamily } from '../catalog/catalog-schema';
import type { CompiledCatalog } from '../catalog/load-catalog';
import type {
  DefenderStatusObservation,
  Evidence,
  InstalledProgramObservation,
  Observation,
  ObservedMachine,
  ProductStatusObservation,
  WscProductObservation,
} from '../observations';
import type { DetectionStatus, UninstallEntry } from '../scan-result';
import { buildMatchIndex, type IndexedProduct, type MatchIndex } from './match-index';
import type { MatchedProduct } from './matched-product';
import { observationKeys } from './observation-keys';
import { nameContainedIn } from './product-name';
import { buildFromRevision, chooseVersion, type VersionCandidate } from './version-choice';

interface Found {
  readonly id: string;
  readonly indexed: IndexedProduct | null;
  readonly name: string;
  readonly vendor: string;
  readonly vendorId: string | null;
  readonly kind: string;
  patternVersion: string | null;
  programVersion: string | null;
  statusVersion: string | null;
  /** Every version a source gave, with its evidence: version-choice.ts picks the one shown. */
  versions: VersionCandidate[];
  running: boolean;
  leftover: boolean;
  wsc: WscProductObservation[];
  realtimeFromStatus: boolean | null;
  upToDateFromStatus: boolean | null;
  signaturesDate: string | null;
  signaturesVersion: string | null;
  passwordProtected: boolean | null;
  managedBy: string | null;
  uninstallEntries: UninstallEntry[];
  evidence: Evidence[];
}

function newFound(partial: Pick<Found, 'id' | 'indexed' | 'name' | 'vendor' | 'vendorId' | 'kind'>): Found {
  return {
    ...partial,
    patternVersion: null,
    programVersion: null,
    statusVersion: null,
    versions: [],
    running: false,
    leftover: false,
    wsc: [],
    realtimeFromStatus: null,
    upToDateFromStatus: null,
    signaturesDate: null,
    signaturesVersion: null,
    passwordProtected: null,
    managedBy: null,
    uninstallEntries: [],
    evidence: [],
  };
}

function foundFor(indexed: IndexedProduct): Found {
  return newFound({
    id: indexed.product.id,
    indexed,
    name: indexed.product.name,
    vendor: indexed.family.vendor.name,
    vendorId: indexed.family.vendor.id,
    kind: indexed.product.kind,
  });
}

interface BestHit {
  readonly indexed: IndexedProduct;
  readonly rank: number;
  readonly specificity: number;
  readonly version?: string;
}

function bestProduct(observation: Observation, platform: Platform, index: MatchIndex): BestHit | null {
  let best: BestHit | null = null;
  for (const key of observationKeys(observation, platform)) {
    for (const { owner: indexed, test } of index.products(platform, key.field)) {
      const hit = test(key.value);
      if (!hit) continue;
      const better =
        !best ||
        key.rank > best.rank ||
        (key.rank === best.rank && !indexed.product.generic && best.indexed.product.generic) ||
        (key.rank === best.rank &&
          indexed.product.generic === best.indexed.product.generic &&
          hit.specificity > best.specificity);
      if (better)
        best = {
          indexed,
          rank: key.rank,
          specificity: hit.specificity,
          ...(hit.version ? { version: hit.version } : {}),
        };
    }
  }
  return best;
}

function componentFamily(
  observation: Observation,
  platform: Platform,
  index: MatchIndex,
): CatalogFamily | null {
  for (const key of observationKeys(observation, platform)) {
    for (const { owner: family, test } of index.components(platform, key.field)) {
      if (test(key.value)) return family;
    }
  }
  return null;
}

function uninstallEntryOf(program: InstalledProgramObservation): UninstallEntry {
  return {
    name: program.name,
    registry: program.registry,
    identifier: program.identifier ?? null,
    uninstallString: program.uninstallString ?? null,
    quietUninstallString: program.quietUninstallString ?? null,
    productCode: program.productCode ?? null,
  };
}

function isRunning(observation: Observation): boolean {
  return (
    observation.kind === 'process' || (observation.kind === 'service' && observation.state === 'running')
  );
}

function newerDate(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return new Date(b).getTime() > new Date(a).getTime() ? b : a;
}

function applyStatus(found: Found, status: ProductStatusObservation): void {
  found.evidence.push(status.evidence);
  if (status.realtime !== undefined && status.realtime !== null) found.realtimeFromStatus = status.realtime;
  if (status.signaturesUpToDate !== undefined && status.signaturesUpToDate !== null) {
    found.upToDateFromStatus = found.upToDateFromStatus === false ? false : status.signaturesUpToDate;
  }
  const before = found.signaturesDate;
  found.signaturesDate = newerDate(found.signaturesDate, status.signaturesDate);
  if (status.signaturesVersion && (found.signaturesDate !== before || !found.signaturesVersion)) {
    found.signaturesVersion = status.signaturesVersion;
  }
  if (status.version) {
    found.statusVersion = status.version;
    found.versions.push({ version: status.version, origin: 'product', evidence: status.evidence });
  }
  if (status.passwordProtected !== undefined) found.passwordProtected = status.passwordProtected;
  if (status.managedBy) found.managedBy = status.managedBy;
}

function applyDefender(found: Found, status: DefenderStatusObservation): void {
  found.evidence.push(status.evidence);
  // In passive, EDR block and not-running modes Defender is not the real-time antivirus,
  // even when RealTimeProtectionEnabled still reads True [S86][S88].
  const standing =
    status.runningMode !== null && status.runningMode !== 'normal' && status.runningMode !== 'unknown';
  found.realtimeFromStatus = standing ? false : status.realtime;
  if (status.signaturesOutOfDate !== null) found.upToDateFromStatus = !status.signaturesOutOfDate;
  found.signaturesDate = newerDate(found.signaturesDate, status.signaturesUpdated);
  if (status.signatureVersion) found.signaturesVersion = status.signatureVersion;
  if (status.productVersion) {
    found.statusVersion = status.productVersion;
    found.versions.push({ version: status.productVersion, origin: 'product', evidence: status.evidence });
  }
}

/** Stale duplicates can disagree [S19]: the newest record wins; without timestamps, disagreement means unknown. */
function wscVerdict(records: readonly WscProductObservation[]): {
  realtime: boolean | null;
  upToDate: boolean | null;
} {
  const antivirus = records.filter((r) => r.category === 'antivirus');
  if (antivirus.length === 0) return { realtime: null, upToDate: null };
  const stamped = antivirus
    .filter((r) => r.timestamp)
    .sort((a, b) => ((a.timestamp ?? '') < (b.timestamp ?? '') ? 1 : -1));
  const pick = (r: WscProductObservation) => ({
    realtime: r.engine === 'unknown' ? null : r.engine === 'on',
    upToDate: r.signaturesUpToDate,
  });
  if (stamped.length > 0) return pick(stamped[0] as WscProductObservation);
  const verdicts = antivirus.map(pick);
  const agree = <K extends 'realtime' | 'upToDate'>(k: K) =>
    verdicts.every((v) => v[k] === verdicts[0]?.[k]) ? (verdicts[0]?.[k] ?? null) : null;
  return { realtime: agree('realtime'), upToDate: agree('upToDate') };
}

export function matchProducts(observed: ObservedMachine, catalog: CompiledCatalog): MatchedProduct[] {
  const platform = observed.machine.platform;
  const index = buildMatchIndex(catalog);
  const found = new Map<string, Found>();
  const get = (indexed: IndexedProduct) => {
    const existing = found.get(indexed.product.id);
    if (existing) return existing;
    const created = foundFor(indexed);
    found.set(created.id, created);
    return created;
  };
  const components = new Map<string, { family: CatalogFamily; observations: Observation[] }>();
  const statuses: ProductStatusObservation[] = [];
  const defender: DefenderStatusObservation[] = [];

  for (const observation of observed.observations) {
    if (observation.kind === 'product-status') {
      statuses.push(observation);
      continue;
    }
    if (observation.kind === 'defender-status') {
      defender.push(observation);
      continue;
    }
    if (observation.kind === 'pending-restart') continue;
    const hit = bestProduct(observation, platform, index);
    if (hit) {
      const product = get(hit.indexed);
      product.evidence.push(observation.evidence);
      if (hit.version && !product.patternVersion) {
        product.patternVersion = hit.version;
        product.versions.push({ version: hit.version, origin: 'name', evidence: observation.evidence });
      }
      if (observation.kind === 'installed-program') {
        const build =
          hit.indexed.product.packageVersion === 'build-revision' && observation.packageVersion
            ? buildFromRevision(observation.packageVersion)
            : null;
        const version = build ?? observation.version;
        if (version) {
          product.programVersion = version;
          product.versions.push({
            version,
            origin: 'package',
            evidence: observation.evidence,
            ...(build && observation.packageVersion ? { packaged: observation.packageVersion } : {}),
          });
        }
        product.uninstallEntries.push(uninstallEntryOf(observation));
      }
      if (observation.kind === 'wsc-product') product.wsc.push(observation);
      if (isRunning(observation)) product.running = true;
      continue;
    }
    const family = componentFamily(observation, platform, index);
    if (family) {
      const entry = components.get(family.vendor.id) ?? { family, observations: [] };
      entry.observations.push(observation);
      components.set(family.vendor.id, entry);
      continue;
    }
    if (observation.kind === 'wsc-product' && observation.category !== 'firewall') {
      // Security Center knows it, the catalog does not: still shown, under its reported name.
      const id = `wsc:${observation.displayName}`;
      const product =
        found.get(id) ??
        newFound({
          id,
          indexed: null,
          name: observation.displayName,
          vendor: 'Unknown vendor',
          vendorId: null,
          kind: 'antivirus',
        });
      found.set(id, product);
      product.wsc.push(observation);
      product.evidence.push(observation.evidence);
    }
  }

  const productsOfVendor = (vendorId: string) => [...found.values()].filter((f) => f.vendorId === vendorId);

  for (const status of defender) {
    const builtIn = index.all.find(
      (p) => p.product.builtIn && p.product.kind === 'antivirus' && p.product.signatures.windows,
    );
    if (builtIn) applyDefender(get(builtIn), status);
  }

  for (const status of statuses) {
    const byId = index.all.find((p) => p.product.id === status.hint);
    const vendorProducts = index.all.filter((p) => p.family.vendor.id === status.hint);
    const named = status.product
      ? vendorProducts
          .filter((p) =>
            [p.product.name, ...p.product.aliases].some((n) => nameContainedIn(n, status.product as string)),
          )
          .sort((a, b) => b.product.name.length - a.product.name.length)[0]
      : undefined;
    const existing = productsOfVendor(status.hint);
    const target =
      (byId && get(byId)) ??
      (named && get(named)) ??
      existing.find((f) => f.kind === 'antivirus') ??
      existing[0] ??
      (vendorProducts.filter((p) => p.product.kind === 'antivirus' && !p.product.generic).length === 1
        ? get(
            vendorProducts.find(
              (p) => p.product.kind === 'antivirus' && !p.product.generic,
            ) as IndexedProduct,
          )
        : undefined);
    if (target) {
      applyStatus(target, status);
    } else if (vendorProducts[0]) {
      const family = vendorProducts[0].family;
      const entry = components.get(family.vendor.id) ?? { family, observations: [] };
      entry.observations.push(status);
      components.set(family.vendor.id, entry);
    }
  }

  // A generic product joins the vendor's specific product when there is one.
  for (const product of [...found.values()]) {
    if (!product.indexed?.product.generic || !product.vendorId) continue;
    const specific = productsOfVendor(product.vendorId).filter((f) => !f.indexed?.product.generic);
    const into =
      specific.find((f) => f.kind === product.kind) ?? specific.find((f) => f.kind === 'antivirus');
    if (!into) continue;
    into.evidence.push(...product.evidence);
    into.wsc.push(...product.wsc);
    into.running ||= product.running;
    into.patternVersion ??= product.patternVersion;
    into.versions.push(...product.versions);
    found.delete(product.id);
  }

  for (const [vendorId, { family, observations }] of components) {
    const owners = productsOfVendor(vendorId);
    const owner = owners.find((f) => f.kind === 'antivirus') ?? owners[0];
    const evidence = observations.map((o) => o.evidence);
    if (owner) {
      owner.evidence.push(...evidence);
      continue;
    }
    const leftover = newFound({
      id: `${vendorId}-leftovers`,
      indexed: null,
      name: `${family.vendor.name} (left behind after removal)`,
      vendor: family.vendor.name,
      vendorId,
      kind: 'other',
    });
    leftover.leftover = true;
    leftover.evidence.push(...evidence);
    found.set(leftover.id, leftover);
  }

  return [...found.values()].map((f): MatchedProduct => {
    const wsc = wscVerdict(f.wsc);
    const shown = chooseVersion(f.versions);
    const evidence = shown ? f.evidence.map((e) => (e === shown.replaced ? shown.evidence : e)) : f.evidence;
    const status: DetectionStatus = f.leftover ? 'leftover' : f.running ? 'running' : 'installed';
    return {
      id: f.id,
      productId: f.indexed?.product.id ?? null,
      name: f.name,
      vendor: f.vendor,
      vendorId: f.vendorId,
      kind: f.kind,
      builtIn: f.indexed?.product.builtIn ?? false,
      business: f.indexed?.product.business ?? false,
      version: shown?.version ?? f.statusVersion ?? f.programVersion ?? f.patternVersion,
      status,
      realtime: f.realtimeFromStatus ?? wsc.realtime,
      signaturesDate: f.signaturesDate,
      signaturesVersion: f.signaturesVersion,
      reportedUpToDate: f.upToDateFromStatus ?? wsc.upToDate,
      passwordProtected: f.passwordProtected,
      managedBy: f.managedBy,
      uninstallEntries: f.uninstallEntries,
      evidence,
    };
  });
}
