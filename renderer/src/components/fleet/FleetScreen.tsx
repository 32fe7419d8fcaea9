import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { VerdictLevel } from '../../../../electron/api/contract';
import { formatDateTime } from '../../dates';
import { type FleetFilter, filterRows, NO_FILTER, searchTextOf, shownName } from '../../fleet-format';
import { LEVEL_WORDS } from '../../format';
import { useAppStore } from '../../store/context';
import { FleetChart } from './FleetChart';
import { FleetTable } from './FleetTable';

const LEVEL_CHOICES: readonly (VerdictLevel | 'all')[] = [
  'all',
  'unprotected',
  'cannot-tell',
  'at-risk',
  'protected',
];

/**
 * The Fleet screen (issue 13 §3), loaded only when a folder is opened: the levels as a chart,
 * every machine in a table that sorts, filters and searches, one machine opened read-only, the
 * table saved as CSV. The rows are the summary the main process made (api/fleet-summary.ts):
 * judged today, every file that could not be read listed with why.
 */
function FilterCheck({
  label,
  checked,
  onChange,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <span className="fleet__check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}

export default function FleetScreen() {
  const summary = useAppStore((s) => s.fleet.summary);
  const busy = useAppStore((s) => s.fleet.busy);
  const error = useAppStore((s) => s.fleet.error);
  const saved = useAppStore((s) => s.fleet.saved);
  const openMachine = useAppStore((s) => s.viewFleetMachine);
  const exportCsv = useAppStore((s) => s.exportFleetCsv);
  const openFleet = useAppStore((s) => s.openFleet);
  const closeFleet = useAppStore((s) => s.closeFleet);
  const [filter, setFilter] = useState<FleetFilter>(NO_FILTER);
  // Typing stays responsive at 10,000 rows: the table follows the search a moment later.
  const deferred = useDeferredValue(filter);
  const ids = { search: useId(), level: useId() };
  const texts = useMemo(() => new Map((summary?.rows ?? []).map((r) => [r, searchTextOf(r)])), [summary]);
  const rows = useMemo(
    () => filterRows(summary?.rows ?? [], deferred, (r) => texts.get(r) ?? searchTextOf(r)),
    [summary, deferred, texts],
  );
  if (!summary) return null;

  return (
    <div className="fleet stack">
      <section className="panel" aria-labelledby="fleet-heading">
        <h1 id="fleet-heading">Every machine in {shownName(summary.folder)}</h1>
        <p className="lead">
          {summary.totals.machines} machines, judged{' '}
          <time dateTime={summary.judgedAt}>{formatDateTime(summary.judgedAt) ?? summary.judgedAt}</time> with
          today's catalog. A machine not scanned for more than {summary.staleDays} days is silent too long.
        </p>
        <FleetChart totals={summary.totals} />
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void exportCsv()}>
            Export the table as CSV…
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void openFleet()}
          >
            Open another folder…
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={closeFleet}>
            Close and return to this computer
          </button>
        </div>
        <div aria-live="polite">
          {error && <p className="fleet__error">{error}</p>}
          {saved && <p>The table was saved to {saved}.</p>}
        </div>
      </section>

      <section className="panel" aria-labelledby="fleet-machines-heading">
        <h2 id="fleet-machines-heading">Machines</h2>
        <div className="fleet__filters">
          <label htmlFor={ids.search}>Search</label>
          <input
            id={ids.search}
            type="search"
            value={filter.search}
            placeholder="Name, product, support code…"
            onChange={(e) => setFilter({ ...filter, search: e.target.value })}
          />
          <label htmlFor={ids.level}>Level</label>
          <select
            id={ids.level}
            value={filter.level}
            onChange={(e) => setFilter({ ...filter, level: e.target.value as FleetFilter['level'] })}
          >
            {LEVEL_CHOICES.map((level) => (
              <option key={level} value={level}>
                {level === 'all' ? 'Every level' : LEVEL_WORDS[level]}
              </option>
            ))}
          </select>
          <FilterCheck
            label="Silent too long"
            checked={filter.staleOnly}
            onChange={(staleOnly) => setFilter({ ...filter, staleOnly })}
          />
          <FilterCheck
            label="Still has a banned product"
            checked={filter.bannedOnly}
            onChange={(bannedOnly) => setFilter({ ...filter, bannedOnly })}
          />
        </div>
        <p className="muted" aria-live="polite" data-testid="fleet-shown">
          Showing {rows.length} of {summary.rows.length} machines.
        </p>
        <FleetTable rows={rows} busy={busy} onOpen={(file) => void openMachine(file)} />
      </section>

      {(summary.duplicates.length > 0 || summary.skipped.length > 0) && (
        <section className="panel" aria-labelledby="fleet-files-heading">
          <h2 id="fleet-files-heading">Files to look at</h2>
          {summary.duplicates.length > 0 && (
            <>
              <h3>The same machine in more than one file</h3>
              <p className="muted">
                The newest file is the one in the table; machines cloned without Sysprep share an id too.
              </p>
              <ul>
                {summary.duplicates.map((d) => (
                  <li key={d.machineId}>
                    <span className="code">{d.machineId.slice(0, 8)}</span>:{' '}
                    {d.files
                      .map(
                        (f) =>
                          `${shownName(f.file)} (${shownName(f.machine ?? 'no name')}, ${f.scannedAt.slice(0, 10)})`,
                      )
                      .join('; ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.skipped.length > 0 && (
            <>
              <h3>Files that could not be read</h3>
              <ul data-testid="fleet-skipped">
                {summary.skipped.map((s) => (
                  <li key={s.file}>
                    <span className="code">{shownName(s.file)}</span>: {shownName(s.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
