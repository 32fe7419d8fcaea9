import { useAppStore } from '../../store/context';

/**
 * In place of "Next step" while a diagnostics file is open: where the sender was in their move,
 * and the code their report carried. Nothing to start or resume: this is not their computer.
 */
export function TheirJourney() {
  const info = useAppStore((s) => s.viewing.info);
  if (!info) return null;
  return (
    <section className="panel next" aria-labelledby="their-journey-heading" data-testid="their-journey">
      <h2 id="their-journey-heading">Their move to a safe antivirus</h2>
      <p data-testid="their-step">
        {info.step ? (
          <>
            They were on step: <strong>{info.step}</strong>
          </>
        ) : (
          'They had not started moving.'
        )}
      </p>
      {info.supportCode && (
        <p data-testid="their-code">
          Their support code: <strong className="support-code__code">{info.supportCode}</strong>
        </p>
      )}
    </section>
  );
}
