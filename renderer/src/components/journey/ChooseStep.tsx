import { useId, useState } from 'react';
import type { JourneyView, RankedChoice } from '../../../../electron/api/contract';
import { costText, countryName, FEATURE_WORDS, testDateText } from '../../journey-format';
import { useAppStore } from '../../store/context';
import { CHOOSE_WORDS as W } from './choose-words';

/** "Not confirmed": a statement resting only on community sources is never shown as certain. */
function Unconfirmed() {
  return (
    <span className="tag tag--neutral" title={W.notConfirmedWhy}>
      {W.notConfirmed}
    </span>
  );
}

/** One alternative's evidence, folded: cost, maker, features, where it runs, tests and notes. */
function Evidence({ choice }: { choice: RankedChoice }) {
  const a = choice.alternative;
  const country = countryName(a.vendor.country);
  return (
    <details className="alt__more">
      <summary>
        {W.evidence(choice.testsShown.length, choice.notesShown.length)}
        <span className="visually-hidden"> {W.evidenceFor(a.name)}</span>
      </summary>
      <dl className="facts">
        <div>
          <dt>{W.cost}</dt>
          <dd>
            <strong>{costText(a.cost)}</strong>{' '}
            {a.cost.freeTier !== null && !choice.costConfirmed && <Unconfirmed />} {a.cost.note}
          </dd>
        </div>
        <div>
          <dt>{W.madeBy}</dt>
          <dd>{country ? `${a.vendor.name}, ${country}` : a.vendor.name}</dd>
        </div>
        <div>
          <dt>{W.runsOn}</dt>
          <dd>
            {choice.support.state === 'runs' ? (
              <>
                {choice.support.label} {!choice.support.confirmed && <Unconfirmed />}
              </>
            ) : choice.support.state === 'unsupported' ? (
              choice.support.why
            ) : choice.support.stated.length > 0 ? (
              W.runsOnVersionUnknown(choice.support.stated.join('; '))
            ) : (
              W.runsOnNotStated
            )}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{W.takesOver}</dt>
          <dd>
            <ul className="alt__features">
              {a.replaces.map((r) => (
                <li key={r.feature}>
                  {r.note ? `${FEATURE_WORDS[r.feature]}: ${r.note}` : FEATURE_WORDS[r.feature]}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {choice.testsShown.length === 0 ? (
        <p className="muted">{W.noTests}</p>
      ) : (
        <ul className="alt__tests" aria-label={W.testsLabel(a.name)}>
          {choice.testsShown.map(({ test: t, confirmed }) => (
            <li key={`${t.lab}-${t.test}-${t.date}-${t.product}`}>
              {!confirmed && <Unconfirmed />} <strong>{t.lab}</strong>, {t.test} ({testDateText(t)}),{' '}
              {t.product}: {t.result}. <span className="url">{t.via ? W.readVia(t.via) : t.url}</span>
            </li>
          ))}
        </ul>
      )}
      {choice.notesShown.length > 0 && (
        <>
          <p className="alt__subheading">{W.goodToKnow}</p>
          <ul className="alt__notes" aria-label={W.notesLabel(a.name)}>
            {choice.notesShown.map(({ note, confirmed }) => (
              <li key={note.text}>
                {!confirmed && <Unconfirmed />} {note.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

/** The official page: opened by the main process in the person's browser (vendor domains only). */
function PageLink({ choice }: { choice: RankedChoice }) {
  const open = useAppStore((s) => s.openDownloadPage);
  if (!choice.link) return <span className="muted">{W.noPage}</span>;
  return (
    <button
      type="button"
      className="link-button"
      aria-label={W.openPageFor(choice.alternative.name)}
      onClick={() => void open(choice.alternative.id)}
    >
      {W.openPage(choice.link.kind)}
    </button>
  );
}

function Option({
  choice,
  best,
  selected,
  onSelect,
}: {
  choice: RankedChoice;
  best: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const a = choice.alternative;
  const inputId = `alt-${a.id}`;
  return (
    <li
      className={`alt${best ? ' alt--best' : ''}${selected ? ' alt--selected' : ''}`}
      data-alternative={a.id}
    >
      <div className="alt__choice">
        <input
          type="radio"
          id={inputId}
          name="alternative"
          value={a.id}
          checked={selected}
          onChange={onSelect}
          aria-describedby={best && choice.reasons.length > 0 ? `${inputId}-why` : undefined}
        />
        <label htmlFor={inputId}>
          <span className="alt__name">{a.name}</span>
          {best && <span className="tag tag--ok">{W.bestFit}</span>}
          {/* Tags made from catalog data only (alternativeTags): Built in, From your system's packages. */}
          {choice.tags.map((t) => (
            <span key={t.id} className="tag tag--neutral" data-tag={t.id}>
              {t.label}
            </span>
          ))}
          <span className="alt__cost muted">{costText(a.cost)}</span>
          {a.cost.freeTier !== null && !choice.costConfirmed && <Unconfirmed />}
        </label>
      </div>
      {best && choice.reasons.length > 0 && (
        <ul className="alt__reasons" id={`${inputId}-why`} aria-label={W.whyBest}>
          {choice.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="alt__links">
        <PageLink choice={choice} />
        <Evidence choice={choice} />
      </div>
    </li>
  );
}

/**
 * The alternatives as the core ranks them (core/plan/rank-choices.ts): the best fit preselected
 * with the two facts that made it the best fit, a few others, the rest folded. One radio group;
 * the choice is saved only when the person presses the primary button, so moving through the
 * options with the arrow keys changes nothing.
 */
export function ChooseStep({ view }: { view: JourneyView }) {
  const change = useAppStore((s) => s.changeJourney);
  const busy = useAppStore((s) => s.journey.busy);
  const download = useAppStore((s) => s.journey.download);
  const list = view.choices;
  const saved = view.progress?.choices.alternativeId;
  const [selected, setSelected] = useState<string | undefined>(saved ?? list?.best?.alternative.id);
  const legendId = useId();
  if (!list) return null;
  const all = [list.best, ...list.others, ...list.folded].filter((c): c is RankedChoice => c !== null);
  const choice = all.find((c) => c.alternative.id === selected);
  const option = (c: RankedChoice) => (
    <Option
      key={c.alternative.id}
      choice={c}
      best={c === list.best}
      selected={selected === c.alternative.id}
      onSelect={() => setSelected(c.alternative.id)}
    />
  );
  const shown = [list.best, ...list.others].filter((c): c is RankedChoice => c !== null);
  // A saved choice that is folded is shown open, so the person sees what they picked.
  const savedFolded = list.folded.find((c) => c.alternative.id === saved);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (selected) void change({ kind: 'choose', alternativeId: selected });
      }}
    >
      <fieldset className="alts" aria-labelledby={legendId}>
        {/* The step's heading says the same on screen; the group keeps its name for screen readers. */}
        <legend id={legendId} className="visually-hidden">
          {W.legend}
        </legend>
        <p className="muted alts__intro">{W.intro}</p>
        {list.noneStated && (
          <p className="alts__none" data-testid="none-stated">
            {list.noneStated}
          </p>
        )}
        <ul className="alts__list">
          {shown.map(option)}
          {savedFolded && option(savedFolded)}
        </ul>
        {list.folded.length > 0 && (
          <details className="alts__folded" data-testid="more-alternatives">
            <summary>{W.more(list.folded.length - (savedFolded ? 1 : 0))}</summary>
            <ul className="alts__list">{list.folded.filter((c) => c !== savedFolded).map(option)}</ul>
          </details>
        )}
        {list.notForThisMachine.length > 0 && (
          <details className="alts__folded" data-testid="not-for-this-computer">
            <summary>{W.notForThis(list.notForThisMachine.length)}</summary>
            <ul className="alts__unsupported">
              {list.notForThisMachine.map((c) => (
                <li key={c.alternative.id} data-unsupported={c.alternative.id}>
                  <strong>{c.alternative.name}</strong>:{' '}
                  {c.support.state === 'unsupported' ? c.support.why : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !selected}>
          {W.choose(choice?.alternative.name ?? null)}
        </button>
        {!selected && <span className="muted">{W.pickFirst}</span>}
        {download && (
          <span className={download.opened ? 'muted' : 'alts__error'} role="status">
            {download.opened ? W.pageOpened : download.reason}
          </span>
        )}
      </div>
    </form>
  );
}
