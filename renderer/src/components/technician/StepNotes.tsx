import type { MigrationPlan, StepId, TechnicianNote } from '../../../../electron/api/contract';

function NoteLists({ note, stepTitle }: { note: TechnicianNote; stepTitle: string }) {
  return (
    <>
      <h3 className="tech__say">Say:</h3>
      <ul aria-label={`Say, at ${stepTitle}`}>
        {note.say.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3 className="tech__see">They should see:</h3>
      <ul aria-label={`They should see, at ${stepTitle}`}>
        {note.see.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The technician view of the journey: what to say to the person at this step and what they should
 * see (made from their plan by electron/core/plan/technician-notes.ts, and sent with it), then every step's, folded.
 */
export function StepNotes({
  plan,
  notes,
  stepId,
}: {
  plan: MigrationPlan;
  notes: Readonly<Record<StepId, TechnicianNote>>;
  stepId: StepId;
}) {
  const step = plan.steps.find((s) => s.id === stepId);
  if (!step) return null;
  return (
    <section className="panel tech" aria-labelledby="step-notes-heading" data-testid="step-notes">
      <p className="tech__label">Technician view</p>
      <h2 id="step-notes-heading">For the person helping: {step.title}</h2>
      <NoteLists note={notes[stepId]} stepTitle={step.title} />
      <details className="tech__all-steps">
        <summary>What to say at every step</summary>
        <ol>
          {plan.steps.map((s) => (
            <li key={s.id} data-step={s.id}>
              <p className="tech__step-title">
                {s.title} ({s.state})
              </p>
              <p>
                <strong>Say:</strong> {notes[s.id].say.join(' ')}
              </p>
              <p>
                <strong>They should see:</strong> {notes[s.id].see.join(' ')}
              </p>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
