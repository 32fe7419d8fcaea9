import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/context';

/**
 * Asks before anything changes the machine: shows EXACTLY the command the preview says will run
 * and its notes; nothing runs until Confirm. A modal <dialog> (focus stays inside, Escape
 * cancels); Cancel has focus first, so Enter never confirms by accident.
 */
export function ConfirmDialog() {
  const pending = useAppStore((s) => s.journey.pending);
  const confirm = useAppStore((s) => s.confirmPending);
  const cancel = useAppStore((s) => s.cancelPending);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const preview = pending?.preview;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-what"
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      {preview && (
        <>
          <h2 id="confirm-title">{preview.title}</h2>
          <p id="confirm-what">
            {pending.kind === 'restart-resume'
              ? 'Handover will register exactly this, and nothing else:'
              : 'Handover will run exactly this, and nothing else:'}
          </p>
          <pre className="command" data-testid="confirm-command">
            <code>{preview.command}</code>
          </pre>
          {preview.notes.length > 0 && (
            <ul className="notes" aria-label="Before you confirm">
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="button" onClick={() => void confirm()}>
              Confirm
            </button>
            <button type="button" className="button button--secondary" ref={cancelRef} onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
