/**
 * Matching: observations + catalog → products found, each with its evidence and status.
 * One product seen through several sources (Security Center's AntiVirusProduct and
 * AntiSpywareProduct, a service, an uninstall entry) is one product. Every observation goes to
 * the catalog product it identifies most specifically (a path beats a name); vendor components
 * (drivers, data folders) join a product of their vendor, or alone mean a leftover of an
 * earlier install. Each product's version and signature date keep the source and field they were
 * read from.
 */

import type { Platform } from '../capture';
import type { CatalogFamily } from '../catalog/catalog-schema';
import { type CompiledCatalog, matchAny } from '../catalog/load-catalog';
import type {
  DefenderStatusObservation,
  Evidence,
  InstalledProgramObservation,
  Observation,
  ObservedMachine,
  ProductStatusObservation,
  ServiceObservation,
  ValueOrigin,
  WscProductObservation,
} from '../observations';
import type { DetectionStatus, UninstallEntry } from '../scan-result';
import { buildMatchIndex, type IndexedProduct, type MatchIndex } from './match-index';
import type { MatchedProduct } from './matched-product';
import { type ObservationKey, observationKeys } from './observation-keys';
import { nameContainedIn } from './product-name';
import { buildFromRevision, chooseVersion, type VersionCandidate } from './version-choice';

interface Found {
  readonly id: string;
  readonly indexed: IndexedProduct | null;
  readonly name: string;
  readonly vendor: string;
  readonly vendorId: string | null;
  readonly kind: string;
  /** Every version a source gave, with its evidence: version-choice.ts picks the one shown. */
  versions: VersionCandidate[];
  running: boolean;
  leftover: boolean;
  wsc: WscProductObservation[];
  services: ServiceObservation[];
  realtimeFromStatus: boolean | null;
  upToDateFromStatus: boolean | null;
  signaturesDate: string | null;
  signaturesDateFrom: ValueOrigin | null;
  signaturesVersion: string | null;
  passwordProtected: boolean | null;
  managedBy: string | null;
  uninstallEntries: UninstallEntry[];
  evidence: Evidence[];
}

function newFound(partial: Pick<Found, 'id' | 'indexed' | 'name' | 'vendor' | 'vendorId' | 'kind'>): Found {
  return {
    ...partial,
    versions: [],
    running: false,
    leftover: false,
    wsc: [],
    services: [],
    realtimeFromStatus: null,
    upToDateFromStatus: null,
    signaturesDate: null,
    signaturesDateFrom: null,
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

interface Hit<T> {
  readonly owner: T;
  readonly key: ObservationKey;
  readonly specificity: number;
  readonly version?: string;
}

function hitsOf<T>(
  observation: Observation,
  platform: Platform,
  candidates: (
    field: string,
    value: string,
  ) => readonly { owner: T; test(value: string): { specificity: number; version?: string } | null }[],
): Hit<T>[] {
  const hits: Hit<T>[] = [];
  for (const key of observationKeys(observation, platform)) {
    for (const { owner, test } of candidates(key.field, key.value)) {
      const hit = test(key.value);
      if (hit)
        hits.push({
          owner,
          key,
          specificity: hit.specificity,
          ...(hit.version ? { version: hit.version } : {}),
        });
    }
  }
  return hits;
}

function betterHit(best: Hit<IndexedProduct> | null, hit: Hit<IndexedProduct>): boolean {
  if (!best) return true;
  if (hit.key.rank !== best.key.rank) return hit.key.rank > best.key.rank;
  const generic = hit.owner.product.generic;
  const bestGeneric = best.owner.product.generic;
  if (generic !== bestGeneric) return !generic;
  return hit.specificity > best.specificity;
}

/** The versions the hits of one owner read from the observation's names, with the key each came from. */
function versionsOfHits<T>(hits: readonly Hit<T>[], owner: T, evidence: Evidence): VersionCandidate[] {
  return hits.flatMap((hit) =>
    hit.owner === owner && hit.version
      ? [
          {
            version: hit.version,
            origin: 'name' as const,
            evidence,
            from: { source: evidence.source, field: hit.key.recordField },
            nameRank: hit.key.rank,
          },
        ]
      : [],
  );
}

function bestProduct(
  observation: Observation,
  platform: Platform,
  index: MatchIndex,
): { indexed: IndexedProduct; versions: VersionCandidate[] } | null {
  const hits = hitsOf(observation, platform, (field, value) => index.products(platform, field, value));
  let best: Hit<IndexedProduct> | null = null;
  for (const hit of hits) if (betterHit(best, hit)) best = hit;
  if (!best) return null;
  return { indexed: best.owner, versions: versionsOfHits(hits, best.owner, observation.evidence) };
}

function componentFamily(
  observation: Observation,
  platform: Platform,
  index: MatchIndex,
): { family: CatalogFamily; versions: VersionCandidate[] } | null {
  const hits = hitsOf(observation, platform, (field, value) => index.components(platform, field, value));
  const first = hits[0];
  if (!first) return null;
  return { family: first.owner, versions: versionsOfHits(hits, first.owner, observation.evidence) };
}

function uninstallEntryOf(program: InstalledProgramObservation): UninstallEntry {
  return {
    name: program.name,
    registry: program.registry,
    identifier: program.identifier ?? null,
    uninstallString: program.uninstallString ?? null,
    quietUninstallString: program.quietUninstallString ?? null,
    productCode: program.productCode ?? null,
    installLocation: program.installLocation ?? null,
  };
}

/** What an installed-programs source calls its version field. */
function programVersionField(program: InstalledProgramObservation): string {
  if (program.registry === 'dpkg' || program.registry === 'rpm') return 'Version';
  if (program.registry === 'app-bundle') return 'CFBundleShortVersionString';
  if (program.registry === 'pkgutil') return 'version';
  return 'DisplayVersion';
}

function isRunning(observation: Observation): boolean {
  return (
    observation.kind === 'process' || (observation.kind === 'service' && observation.state === 'running')
  );
}

/** Keeps the newer of the product's date and an offered one, with the field it rests on. */
function offerDate(found: Found, date: string | null | undefined, from: ValueOrigin): boolean {
  if (!date) return false;
  if (found.signaturesDate && new Date(date).getTime() <= new Date(found.signaturesDate).getTime()) {
    return false;
  }
  found.signaturesDate = date;
  found.signaturesDateFrom = from;
  return true;
}

function applyStatus(found: Found, status: ProductStatusObservation): void {
  const source = status.evidence.source;
  found.evidence.push(status.evidence);
  if (status.realtime !== undefined && status.realtime !== null) found.realtimeFromStatus = status.realtime;
  if (status.signaturesUpToDate !== undefined && status.signaturesUpToDate !== null) {
    found.upToDateFromStatus = found.upToDateFromStatus === false ? false : status.signaturesUpToDate;
  }
  const newer = offerDate(found, status.signaturesDate, {
    source,
    field: status.signaturesDateField ?? 'signatures date',
  });
  if (status.signaturesVersion && (newer || !found.signaturesVersion)) {
    found.signaturesVersion = status.signaturesVersion;
  }
  if (status.version) {
    found.versions.push({
      version: status.version,
      origin: 'product',
      evidence: status.evidence,
      from: { source, field: status.versionField ?? 'version' },
    });
  }
  if (status.versionInName) {
    found.versions.push({
      version: status.versionInName.version,
      origin: 'name',
      evidence: status.evidence,
      from: { source, field: status.versionInName.field },
      nameRank: 2,
    });
  }
  if (status.passwordProtected !== undefined) found.passwordProtected = status.passwordProtected;
  if (status.managedBy) found.managedBy = status.managedBy;
}

/** Defender's own report; the parser already made `realtime` false outside Normal mode [S86][S88]. */
function applyDefender(found: Found, status: DefenderStatusObservation): void {
  const source = status.evidence.source;
  found.evidence.push(status.evidence);
  if (status.realtime !== null) found.realtimeFromStatus = status.realtime;
  if (status.signaturesOutOfDate !== null) found.upToDateFromStatus = !status.signaturesOutOfDate;
  offerDate(found, status.signaturesUpdated, {
    source,
    field: status.signaturesUpdatedField ?? 'signatures date',
  });
  if (status.signatureVersion) found.signaturesVersion = status.signatureVersion;
  if (status.productVersion) {
    found.versions.push({
      version: status.productVersion,
      origin: 'product',
      evidence: status.evidence,
      from: { source, field: 'AMProductVersion' },
    });
  }
}

/**
 * Security Center's verdict on one product. AntiVirusProduct records speak first; a product
 * registered only as antispyware (Symantec [S2]) is judged by its AntiSpywareProduct records,
 * decoded the same way. Stale duplicates (same name, another instanceGuid [S19]) can disagree:
 * the newest timestamp wins; without timestamps, disagreement means unknown. A record without
 * productState tells nothing [S35], unless it says on or off and up to date itself (osquery).
 */
function wscVerdict(records: readonly WscProductObservation[]): {
  realtime: boolean | null;
  upToDate: boolean | null;
} {
  // A record tells something when it has a productState, or (osquery's windows_security_products,
  // which passes on no productState) a state or an up-to-date bit of its own.
  const tells = (r: WscProductObservation) =>
    r.productState !== null || r.engine !== 'unknown' || r.signaturesUpToDate !== null;
  const antivirus = records.filter((r) => r.category === 'antivirus' && tells(r));
  const antispyware = records.filter((r) => r.category === 'antispyware' && tells(r));
  const judged = antivirus.length > 0 ? antivirus : antispyware;
  if (judged.length === 0) return { realtime: null, upToDate: null };
  const stamped = judged
    .filter((r) => r.timestamp)
    .sort((a, b) => ((a.timestamp ?? '') < (b.timestamp ?? '') ? 1 : -1));
  const pick = (r: WscProductObservation) => ({
    realtime: r.engine === 'unknown' ? null : r.engine === 'on',
    upToDate: r.signaturesUpToDate,
  });
  if (stamped.length > 0) return pick(stamped[0] as WscProductObservation);
  const verdicts = judged.map(pick);
  const agree = <K extends 'realtime' | 'upToDate'>(k: K) =>
    verdicts.every((v) => v[k] === verdicts[0]?.[k]) ? (verdicts[0]?.[k] ?? null) : null;
  return { realtime: agree('realtime'), upToDate: agree('upToDate') };
}

/** An engine service seen stopped or disabled: the product is not protecting in real time [S25]. */
function stoppedEngine(found: Found, catalog: CompiledCatalog): ServiceObservation | undefined {
  const patterns = found.indexed
    ? catalog.productsById.get(found.indexed.product.id)?.engineServices
    : undefined;
  if (!patterns?.length) return undefined;
  const engines = found.services.filter((s) => s.name !== undefined && matchAny(patterns, s.name));
  if (engines.some((s) => s.state === 'running')) return undefined;
  return engines.find((s) => s.state === 'stopped' || s.startMode === 'disabled');
}

/** The engine service's evidence (as it stands, perhaps with a version note), saying it is not running. */
function engineEvidence(engine: ServiceObservation, evidence: Evidence): Evidence {
  const state = engine.state === 'stopped' ? 'stopped' : 'disabled';
  return {
    ...evidence,
    decoded: {
      ...evidence.decoded,
      realtime: `${engine.name} is ${state}: the real-time engine is not running`,
    },
  };
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
  const components = new Map<
    string,
    { family: CatalogFamily; observations: Observation[]; versions: VersionCandidate[] }
  >();
  const addComponent = (family: CatalogFamily, observation: Observation, versions: VersionCandidate[]) => {
    const entry = components.get(family.vendor.id) ?? { family, observations: [], versions: [] };
    entry.observations.push(observation);
    entry.versions.push(...versions);
    components.set(family.vendor.id, entry);
  };
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
      product.versions.push(...hit.versions);
      if (observation.kind === 'installed-program') {
        const build =
          hit.indexed.product.packageVersion === 'build-revision' && observation.packageVersion
            ? buildFromRevision(observation.packageVersion)
            : null;
        const version = build ?? observation.version;
        if (version) {
          product.versions.push({
            version,
            origin: 'package',
            evidence: observation.evidence,
            from: { source: observation.evidence.source, field: programVersionField(observation) },
            ...(build && observation.packageVersion ? { packaged: observation.packageVersion } : {}),
          });
        }
        product.uninstallEntries.push(uninstallEntryOf(observation));
      }
      if (observation.kind === 'wsc-product') product.wsc.push(observation);
      if (observation.kind === 'service') product.services.push(observation);
      if (isRunning(observation)) product.running = true;
      continue;
    }
    const component = componentFamily(observation, platform, index);
    if (component) {
      addComponent(component.family, observation, component.versions);
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
      addComponent(vendorProducts[0].family, status, []);
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
    into.services.push(...product.services);
    into.running ||= product.running;
    into.versions.push(...product.versions);
    found.delete(product.id);
  }

  for (const [vendorId, { family, observations, versions }] of components) {
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
    leftover.versions.push(...versions);
    leftover.evidence.push(...evidence);
    found.set(leftover.id, leftover);
  }

  return [...found.values()].map((f): MatchedProduct => {
    const wsc = wscVerdict(f.wsc);
    const engine = stoppedEngine(f, catalog);
    const shown = chooseVersion(f.versions);
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
      version: shown?.version ?? null,
      versionFrom: shown?.from ?? null,
      status,
      realtime: engine ? false : (f.realtimeFromStatus ?? wsc.realtime),
      signaturesDate: f.signaturesDate,
      signaturesDateFrom: f.signaturesDateFrom,
      signaturesVersion: f.signaturesVersion,
      reportedUpToDate: f.upToDateFromStatus ?? wsc.upToDate,
      passwordProtected: f.passwordProtected,
      managedBy: f.managedBy,
      uninstallEntries: f.uninstallEntries,
      evidence: f.evidence.map((e) => {
        const withVersion = shown && e === shown.replaced ? shown.evidence : e;
        return engine && e === engine.evidence ? engineEvidence(engine, withVersion) : withVersion;
      }),
    };
  });
}
