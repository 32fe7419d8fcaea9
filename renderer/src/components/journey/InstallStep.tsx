import type { JourneyView } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { InterimLine } from './InterimLine';
import { firstChangeStep, PreflightPanel } from './PreflightPanel';
import { StepOutcome } from './StepOutcome';

/**
 * Signatures behind: update them (Defender: previewed and run by Handover), then scan. Built-in
 * choice: scan to check it is on. Otherwise: the vendor's official download page (opened by the
 * main process, https on the vendor's domains only), then scan again.
 */
export function InstallStep({ view }: { view: JourneyView }) {
  const rescan = useAppStore((s) => s.rescan);
  const open = useAppStore((s) => s.openDownloadPage);
  const download = useAppStore((s) => s.journey.download);
  const busy = useAppStore((s) => s.journey.busy);
  const previewSignatureUpdate = useAppStore((s) => s.previewSignatureUpdate);
  const cannotUpdate = useAppStore((s) => s.journey.cannotRun.signatures);
  const chosen = view.plan?.chosen;
  const stale = view.plan?.chosenState === 'signatures-stale';
  // Handover can run the update for Microsoft Defender only (MpCmdRun -SignatureUpdate).
  const canUpdate = chosen?.productId === 'microsoft-defender-antivirus';

  if (!chosen) {
    return <p>Choose what protects this computer next first (step Choose).</p>;
  }
  const first = firstChangeStep(view) === 'install' && view.plan?.chosenState !== 'protecting';
  const blocked = first && (view.preflight?.blockedBy ?? null) !== null;
  const status = (
    <div aria-live="polite">
      {first && <PreflightPanel view={view} />}
      <InterimLine view={view} />
      <StepOutcome step="install" />
      {cannotUpdate && (
        <p className="notice" role="status">
          {cannotUpdate}
        </p>
      )}
    </div>
  );
  const updateButton = (primary: boolean) => (
    <button
      type="button"
      className={primary ? 'button' : 'link-button'}
      disabled={busy}
      onClick={() => void previewSignatureUpdate()}
    >
      Update its signatures now…
    </button>
  );
  const scanButton = (label: string, primary: boolean) => (
    <button
      type="button"
      className={primary ? 'button' : 'link-button'}
      disabled={busy}
      onClick={() => void rescan()}
    >
      {label}
    </button>
  );

  if (stale) {
    // Installed and on, but behind: its update, then a scan. Handover runs the update itself
    // only for Microsoft Defender; for another product the step says where to find it.
    return (
      <>
        {status}
        <div className="actions">
          {canUpdate && updateButton(true)}
          {scanButton('Scan again', !canUpdate)}
        </div>
      </>
    );
  }
  if (chosen.packages) {
    // Installed from the distribution's own packages (ClamAV on Linux): the command to type,
    // then a scan to see it. Handover does not install packages itself.
    return (
      <>
        {status}
        <p>
          In a terminal: <span className="url">sudo apt-get install {chosen.packages.join(' ')}</span> (Fedora
          and similar: <span className="url">sudo dnf install {chosen.packages.join(' ')}</span>)
        </p>
        <div className="actions">{scanButton('I have installed it, scan again', true)}</div>
      </>
    );
  }
  if (chosen.builtIn) {
    return (
      <>
        {status}
        <div className="actions">
          {scanButton('Check it is on', true)}
          {canUpdate && updateButton(false)}
        </div>
      </>
    );
  }
  return (
    <>
      {status}
      {chosen.downloadUrl && (
        <p>
          Official page: <span className="url">{chosen.downloadUrl}</span>
        </p>
      )}
      <div aria-live="polite">
        {download?.opened && <p role="status">The download page is open in your web browser.</p>}
        {download && !download.opened && (
          <p className="notice" role="status">
            {download.reason}
          </p>
        )}
      </div>
      <div className="actions">
        {download?.opened ? (
          <button type="button" className="button" disabled={busy} onClick={() => void rescan()}>
            I have installed it, scan again
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              disabled={busy || blocked}
              onClick={() => void open(chosen.id)}
            >
              Open the download page
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={() => void rescan()}>
              I have installed it, scan again
            </button>
          </>
        )}
      </div>
    </>
  );
}
