import type { JourneyView } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';

/**
 * Built-in choice: scan to check it is on. Otherwise: the vendor's official download page
 * (opened by the main process, https on the vendor's domains only), then scan again.
 */
export function InstallStep({ view }: { view: JourneyView }) {
  const rescan = useAppStore((s) => s.rescan);
  const open = useAppStore((s) => s.openDownloadPage);
  const download = useAppStore((s) => s.journey.download);
  const busy = useAppStore((s) => s.journey.busy);
  const previewSignatureUpdate = useAppStore((s) => s.previewSignatureUpdate);
  const cannotUpdate = useAppStore((s) => s.journey.cannotRun.signatures);
  const outcome = useAppStore((s) => s.journey.outcome);
  const chosen = view.plan?.chosen;

  if (!chosen) {
    return <p>Choose what protects this computer next first (step Choose).</p>;
  }
  if (chosen.builtIn) {
    return (
      <>
        <div aria-live="polite">
          {outcome?.kind === 'signature-update' && (
            <p className={outcome.ok ? undefined : 'notice'} role="status">
              {outcome.message}
            </p>
          )}
          {cannotUpdate && (
            <p className="notice" role="status">
              {cannotUpdate}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void rescan()}>
            Check it is on
          </button>
          {view.plan?.chosen?.productId === 'microsoft-defender-antivirus' && (
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => void previewSignatureUpdate()}
            >
              Update its signatures now…
            </button>
          )}
        </div>
      </>
    );
  }
  return (
    <>
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
            <button type="button" className="button" disabled={busy} onClick={() => void open(chosen.id)}>
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
