import type { JourneyView } from '../../../../electron/api/contract';
import { useAppStore } from '../../store/context';
import { PasswordExportConverter } from './PasswordExportConverter';

/** Each thing to save, as a checkbox the person ticks when it is done, with what is lost if not. */
export function KeepDataStep({ view }: { view: JourneyView }) {
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const items = view.plan?.keepData ?? [];
  const ticked = new Set(view.progress?.ticked ?? []);
  const left = items.filter((i) => !ticked.has(i.id));

  return (
    <>
      <ul className="keep" aria-label="What to keep">
        {items.map((item) => {
          const id = `keep-${item.id}`;
          return (
            <li key={item.id} className="keep__item" data-item={item.id}>
              <div className="keep__check">
                <input
                  type="checkbox"
                  id={id}
                  checked={ticked.has(item.id)}
                  disabled={busy}
                  aria-describedby={`${id}-how ${id}-lost`}
                  onChange={(event) =>
                    void change({ kind: 'tick', itemId: item.id, ticked: event.target.checked })
                  }
                />
                <label htmlFor={id}>{item.title}</label>
              </div>
              <p id={`${id}-how`}>{item.how}</p>
              <p id={`${id}-lost`} className="keep__lost">
                <strong>If you skip this:</strong> {item.lostIfSkipped}
              </p>
              {item.id === 'password-manager-export' && <PasswordExportConverter />}
            </li>
          );
        })}
      </ul>
      <p className="muted">
        {left.length === 0
          ? 'Everything is ticked.'
          : `Not ticked yet: ${left.length} of ${items.length}. You can carry on anyway; what is not saved is lost when Kaspersky is removed.`}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void change({ kind: 'move', stepId: 'choose' })}
        >
          Continue
        </button>
      </div>
    </>
  );
}
