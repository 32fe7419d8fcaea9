/**
 * What Fleet accepts in a GitOps lib file of reports or of policies, recorded from its source (one
 * stored version of each file of github.com/fleetdm/fleet, read for this record):
 *
 * - server/fleet/queries.go @8672f690: QuerySpec's JSON keys name, description, query, team,
 *   interval, observer_can_run, platform, min_osquery_version, automations_enabled, logging,
 *   discard_data; logging is one of snapshot, differential, differential_ignore_removals
 *   (verifyLogging); platform a comma list of windows, linux, darwin, chrome (verifyQueryPlatforms).
 * - server/fleet/policies.go @00a9df52: PolicySpec's keys name, query, description, critical,
 *   resolution, team, platform; platform a comma list of windows, linux, darwin
 *   (verifyPolicyPlatforms).
 * - pkg/spec/gitops.go @00b32fd0: a lib file is a YAML list of Query / Policy items, each
 *   fleet.BaseItem (path, paths) plus the spec; GitOpsPolicySpec adds
 *   continuous_automations_enabled, run_script, install_software, resend_configuration_profile,
 *   webhooks_and_tickets_enabled; names are required, report names ASCII (validateReport), and
 *   names unique (getDuplicateNames); unknown keys are errors (validateYAMLKeys).
 */
export const FLEET_REPORT_KEYS = {
  name: 'string',
  description: 'string',
  query: 'string',
  team: 'string',
  interval: 'integer',
  observer_can_run: 'boolean',
  platform: 'string',
  min_osquery_version: 'string',
  automations_enabled: 'boolean',
  logging: 'string',
  discard_data: 'boolean',
  path: 'string',
  paths: 'string',
} as const;

export const FLEET_POLICY_KEYS = {
  name: 'string',
  query: 'string',
  description: 'string',
  critical: 'boolean',
  resolution: 'string',
  team: 'string',
  platform: 'string',
  continuous_automations_enabled: 'boolean',
  webhooks_and_tickets_enabled: 'boolean',
  resend_configuration_profile: 'string',
  run_script: 'object',
  install_software: 'object',
  path: 'string',
  paths: 'string',
} as const;

export const FLEET_REPORT_PLATFORMS = ['windows', 'linux', 'darwin', 'chrome'];
export const FLEET_POLICY_PLATFORMS = ['windows', 'linux', 'darwin'];
export const FLEET_LOGGING = ['snapshot', 'differential', 'differential_ignore_removals'];

/**
 * osquery's schedule keys for a query in a pack (docs/wiki/deployment/configuration.md at the
 * osquery commit osquery-tables.ts names: "query", "interval", "removed", "snapshot", "platform",
 * "version", "shard", "denylist", plus the packs' "description").
 */
export const OSQUERY_PACK_QUERY_KEYS = [
  'query',
  'interval',
  'removed',
  'snapshot',
  'platform',
  'version',
  'shard',
  'denylist',
  'description',
];
