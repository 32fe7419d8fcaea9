import { useAppStore } from '../../store/context';

/** The code the person reads out over the phone; it changes with each scan and step. */
export function SupportCodeLine() {
  const code = useAppStore((s) => s.helpDesk.supportCode);
  if (!code) return null;
  return (
    <p className="support-code" data-testid="support-code-line">
      If someone is helping you, read them this code:{' '}
      <strong className="support-code__code" data-testid="support-code">
        {code}
      </strong>
    </p>
  );
}
