import { ageSuffix, formatDateTime } from '../../dates';
import { useAppStore } from '../../store/context';

/**
 * On top of every screen while a diagnostics file is open: whose computer this is, from when,
 * and that nothing here changes this computer. In a live region that is always on the page, so
 * opening (and closing) a file is announced.
 */
export function ViewingBanner() {
  const info = useAppStore((s) => s.viewing.info);
  const busy = useAppStore((s) => s.viewing.busy);
  const close = useAppStore((s) => s.closeDiagnostics);
  return (
    <div aria-live="polite">
      {info && (
        <section
          className="viewing"
          aria-label={info.fleetFolder ? 'Viewing a machine of the fleet' : 'Viewing a diagnostics file'}
          data-testid="viewing-banner"
        >
          {info.fleetFolder ? (
            <p className="viewing__text">
              You are looking at <strong>{info.sender}</strong> from the folder {info.fleetFolder}: that
              computer as it was scanned on{' '}
              <time dateTime={info.capturedAt}>{formatDateTime(info.capturedAt) ?? info.capturedAt}</time>
              {ageSuffix(info.capturedDaysAgo)}, judged today. Read-only: nothing here changes this computer
              or that one.
            </p>
          ) : (
            <p className="viewing__text">
              You are looking at a diagnostics file from <strong>{info.sender}</strong>: that computer as it
              was on{' '}
              <time dateTime={info.capturedAt}>{formatDateTime(info.capturedAt) ?? info.capturedAt}</time>
              {ageSuffix(info.capturedDaysAgo)}; the file was made{' '}
              <time dateTime={info.createdAt}>{formatDateTime(info.createdAt) ?? info.createdAt}</time>
              {ageSuffix(info.createdDaysAgo)}. Read-only: nothing here changes this computer.
            </p>
          )}
          {info.personalDetailsHidden && (
            <p className="viewing__note">
              Personal details were hidden in this file: names and folders show as placeholders.
            </p>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void close()}>
            {info.fleetFolder ? 'Back to the fleet' : 'Close and return to this computer'}
          </button>
        </section>
      )}
    </div>
  );
}
