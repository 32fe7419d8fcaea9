import { useId, useState } from 'react';
import type { AlternativeChoice, JourneyView } from '../../../../electron/api/contract';
import { costText, countryName, FEATURE_WORDS, testDateText } from '../../journey-format';
import { useAppStore } from '../../store/context';

/** One alternative's evidence, as the catalog gives it. URLs are text: the window opens no links. */
function AlternativeFacts({ choice, id }: { choice: AlternativeChoice; id: string }) {
  const a = choice.alternative;
  const country = countryName(a.vendor.country);
  return (
    <div className="alt__facts" id={id}>
      <dl className="facts">
        <div>
          <dt>Cost</dt>
          <dd>
            <strong>{costText(a.cost)}.</strong> {a.cost.note}
          </dd>
        </div>
        <div>
          <dt>Made by</dt>
          <dd>
            {a.vendor.name}
            {country ? `, ${country}` : ''}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>Takes over from Kaspersky</dt>
          <dd>
            <ul className="alt__features">
              {a.replaces.map((r) => (
                <li key={r.feature}>
                  {FEATURE_WORDS[r.feature]}
                  {r.note ? `: ${r.note}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <details className="alt__more">
        <summary>
          Independent test results ({choice.tests.length})
          {choice.notes.length > 0
            ? ` and ${choice.notes.length} ${choice.notes.length === 1 ? 'note' : 'notes'}`
            : ''}
          <span className="visually-hidden"> for {a.name}</span>
        </summary>
        {choice.tests.length === 0 ? (
          <p className="muted">No independent test result was found for this one.</p>
        ) : (
          <ul className="alt__tests" aria-label={`Independent test results for ${a.name}`}>
            {choice.tests.map((t) => (
              <li key={`${t.lab}-${t.test}-${t.date}-${t.product}`}>
                <strong>{t.lab}</strong>, {t.test} ({testDateText(t)}), {t.product}: {t.result}.{' '}
                <span className="url">
                  {t.via ? `${t.via}: ` : ''}
                  {t.url}
                </span>
              </li>
            ))}
          </ul>
        )}
        {choice.notes.length > 0 && (
          <>
            <p className="alt__subheading">Good to know</p>
            <ul className="alt__notes" aria-label={`Good to know about ${a.name}`}>
              {choice.notes.map((n) => (
                <li key={n.text}>
                  {n.kind === 'unverified' ? <strong>Not confirmed: </strong> : null}
                  {n.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
    </div>
  );
}

/**
 * The alternatives in the order the handlers give (built-in first, then by the evidence shown),
 * as one radio group; the choice is saved only when the person presses the primary button, so
 * moving through the options with the arrow keys changes nothing.
 */
export function ChooseStep({ view }: { view: JourneyView }) {
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const saved = view.progress?.choices.alternativeId;
  const [selected, setSelected] = useState<string | undefined>(saved);
  const legendId = useId();
  const choice = view.alternatives.find((c) => c.alternative.id === selected);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (selected) void change({ kind: 'choose', alternativeId: selected });
      }}
    >
      <fieldset className="alts">
        <legend id={legendId}>What should protect this computer next?</legend>
        <p className="muted">
          Listed with the built-in option first, then by how many independent test results are shown. Handover
          is paid by none of them.
        </p>
        <ul className="alts__list">
          {view.alternatives.map((c) => {
            const a = c.alternative;
            const inputId = `alt-${a.id}`;
            return (
              <li
                key={a.id}
                className={`alt${selected === a.id ? ' alt--selected' : ''}`}
                data-alternative={a.id}
              >
                <div className="alt__choice">
                  <input
                    type="radio"
                    id={inputId}
                    name="alternative"
                    value={a.id}
                    checked={selected === a.id}
                    onChange={() => setSelected(a.id)}
                  />
                  <label htmlFor={inputId}>
                    <span className="alt__name">{a.name}</span>
                    {c.tags.map((t) => (
                      <span key={t.id} className="tag tag--ok" data-tag={t.id}>
                        {t.label}
                      </span>
                    ))}
                  </label>
                </div>
                <AlternativeFacts choice={c} id={`${inputId}-facts`} />
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !selected}>
          {choice ? `Choose ${choice.alternative.name}` : 'Choose'}
        </button>
        {!selected && <span className="muted">Pick one above first.</span>}
      </div>
    </form>
  );
}
