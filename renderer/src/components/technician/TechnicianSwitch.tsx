import { useAppStore } from '../../store/context';

/**
 * The technician view on or off, remembered between runs. A switch in the masthead, so it is
 * there on every screen; the home user can leave it alone.
 */
export function TechnicianSwitch() {
  const on = useAppStore((s) => s.settings.technicianView);
  const error = useAppStore((s) => s.settings.error);
  const set = useAppStore((s) => s.setTechnicianView);
  return (
    <div className="switch">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby="switch-hint"
        className="switch__button"
        onClick={() => void set(!on)}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        Technician view
        <span className="switch__state" aria-hidden="true">
          {on ? 'On' : 'Off'}
        </span>
      </button>
      <span id="switch-hint" className="visually-hidden">
        Shows the evidence and reasoning behind every finding, for the person helping you.
      </span>
      {error && (
        <p className="error switch__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
