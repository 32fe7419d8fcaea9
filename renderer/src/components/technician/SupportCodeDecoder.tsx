import { type FormEvent, useId, useState } from 'react';
import { useAppStore } from '../../store/context';

/**
 * The technician's side of the support code: type what the person reads out, see what it says.
 * A misheard code is caught by its check character, and the handlers say so (the error).
 */
export function SupportCodeDecoder() {
  const decode = useAppStore((s) => s.decodeSupportCode);
  const reading = useAppStore((s) => s.helpDesk.reading);
  const decoding = useAppStore((s) => s.helpDesk.decoding);
  const [code, setCode] = useState('');
  const inputId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void decode(code.trim());
  };

  return (
    <section className="tech decoder" aria-labelledby="decoder-heading">
      <h3 id="decoder-heading">Decode a support code</h3>
      <form className="decoder__form" onSubmit={submit}>
        <label htmlFor={inputId}>Support code</label>
        <input
          id={inputId}
          type="text"
          value={code}
          autoComplete="off"
          spellCheck={false}
          placeholder="HND-XXXX-XXXX"
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button" disabled={decoding || !code.trim()}>
          Decode
        </button>
      </form>
      <div aria-live="polite" data-testid="decoded">
        {reading?.error && (
          <p className="error" data-testid="decode-error">
            {reading.error}
          </p>
        )}
        {reading && !reading.error && (
          <dl className="tech__facts" aria-label={`What ${reading.code ?? 'the code'} says`}>
            {reading.lines.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}
