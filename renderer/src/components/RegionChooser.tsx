import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RegionInfo } from '../../../electron/api/contract';
import { countries } from '../countries';
import { useAppStore } from '../store/context';

/**
 * "Rules used: United States, from Windows' home location. [Change country]". The rules depend
 * on the country (the US ban ends updates; elsewhere actions concern government systems), so the
 * person can see which one was used and choose another; the choice applies from the next scan.
 */
export function RegionChooser({
  region,
  canChange = true,
}: {
  region: RegionInfo;
  /** False while a diagnostics file is shown: its machine is judged by the rules its sender had. */
  canChange?: boolean;
}) {
  const choice = useAppStore((s) => s.regionChoice);
  const chooseRegion = useAppStore((s) => s.chooseRegion);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState(choice ?? region.code ?? '');
  const list = useMemo(() => countries(), []);
  const selectId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);

  // Opening the form moves focus into it, so keyboard and screen-reader users land on the choice.
  useEffect(() => {
    if (open) selectRef.current?.focus();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    void chooseRegion(selected === '' ? null : selected);
  };

  return (
    <div className="region">
      <p>
        Rules used: <strong>{region.name ?? 'country not known'}</strong>, {region.explanation}.{' '}
        {canChange && !open && (
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            Change country
          </button>
        )}
      </p>
      {open && (
        <form className="region__form" onSubmit={submit}>
          <label htmlFor={selectId}>Country whose rules apply</label>
          <select
            id={selectId}
            ref={selectRef}
            value={selected}
            onChange={(event) => setSelected(event.target.value)}
          >
            <option value="">As this computer says</option>
            {list.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            Use it and scan again
          </button>
          <button type="button" className="link-button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
