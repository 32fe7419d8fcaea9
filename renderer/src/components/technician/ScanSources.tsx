import type { ScanResult } from '../../../../electron/api/contract';
import { formatDateTime } from '../../dates';
import { SOURCE_STATUS_WORDS } from '../../format';
import { duration } from '../../technician-format';

/**
 * The scan's own account, in the technician view: when it ran, how long capture and analysis
 * took, and each source with its status, duration, record count and error.
 */
export function ScanSources({ result }: { result: ScanResult }) {
  const { timings, machine } = result;
  return (
    <div className="tech" data-testid="scan-sources">
      <p className="tech__label">Technician view</p>
      <dl className="tech__facts" aria-label="About this scan">
        <div>
          <dt>Scanned</dt>
          <dd>{formatDateTime(result.scannedAt) ?? result.scannedAt}</dd>
        </div>
        <div>
          <dt>Captured</dt>
          <dd>
            {formatDateTime(result.capturedAt) ?? result.capturedAt}
            {result.replayed ? ' (replayed from a recording)' : ''}
          </dd>
        </div>
        <div>
          <dt>Timings</dt>
          <dd data-testid="scan-timings">
            capture {duration(timings.captureMs)}, analysis {duration(timings.analyseMs)}
          </dd>
        </div>
        <div>
          <dt>System</dt>
          <dd>
            {[machine.platform, machine.osName, machine.osVersion].filter(Boolean).join(' ')}
            {machine.isServer ? ' (server)' : ''}
          </dd>
        </div>
        <div>
          <dt>Rules</dt>
          <dd>
            {result.region.code ?? 'unknown'} ({result.region.source})
          </dd>
        </div>
      </dl>
      <ul className="tech__sources" aria-label="Every source read">
        {result.sources.map((s) => (
          <li key={s.id} data-source={s.id} data-status={s.status}>
            <strong>{s.label}</strong> <code className="tech__id">{s.id}</code>:{' '}
            {SOURCE_STATUS_WORDS[s.status]}
            {`, ${s.records} ${s.records === 1 ? 'record' : 'records'}`}
            {s.durationMs !== undefined ? `, ${duration(s.durationMs)}` : ''}
            {/* Only a source that could not be read is an error; an absent one is a fact. */}
            {s.reason ? (
              <>
                . <span className={s.status === 'unreadable' ? 'tech__error' : undefined}>{s.reason}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
