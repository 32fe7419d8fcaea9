import type { ProbeProgress } from '../../../electron/api/contract';
import { PROBE_STATE_WORDS } from '../format';
import { useAppStore } from '../store/context';
import { Icon, type IconName } from './icons';

const STATE_ICON: Record<ProbeProgress['state'], IconName> = {
  pending: 'dot',
  running: 'spinner',
  done: 'check',
  failed: 'cross',
};

export function ScanProgressView() {
  const probes = useAppStore((s) => s.scan.probes);
  const finished = probes.filter((p) => p.state === 'done' || p.state === 'failed').length;
  const sender = useAppStore((s) => s.viewing.info?.sender ?? null);

  return (
    <section className="panel progress" aria-labelledby="progress-heading">
      {sender === null ? (
        <>
          <h1 id="progress-heading">Checking your computer…</h1>
          <p className="lead">This takes a few seconds. Nothing is changed on your computer.</p>
        </>
      ) : (
        <>
          <h1 id="progress-heading">Reading the diagnostics file from {sender}…</h1>
          <p className="lead">Their computer as it was when they saved the file. Nothing is changed here.</p>
        </>
      )}
      {probes.length > 0 && (
        <progress
          className="progress__bar"
          value={finished}
          max={probes.length}
          aria-label={`${finished} of ${probes.length} checks finished`}
        />
      )}
      <h2 id="probes-heading" className="visually-hidden">
        What is being checked
      </h2>
      {/* One live region for the list: a screen reader hears each check as it changes state. */}
      <div aria-live="polite" aria-atomic="false">
        {probes.length === 0 ? (
          <p>Starting…</p>
        ) : (
          <ul className="probes" aria-labelledby="probes-heading">
            {probes.map((p) => (
              <li key={p.probe} className={`probe probe--${p.state}`} data-probe={p.probe}>
                <Icon name={STATE_ICON[p.state]} />
                <span className="probe__label">{p.label}</span>
                <span className="probe__state">{PROBE_STATE_WORDS[p.state]}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
