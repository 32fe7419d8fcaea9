import type { JourneyView } from '../../../../electron/api/contract';
import { Icon } from '../icons';

/**
 * Windows, between the removal and the new antivirus: what protects the computer meanwhile, as
 * the latest scan read it (Microsoft Defender turning itself back on, or not).
 */
export function InterimLine({ view }: { view: JourneyView }) {
  const interim = view.plan?.interim;
  if (!interim) return null;
  return (
    <p
      className={`interim interim--${interim.realtime === true ? 'ok' : 'bad'}`}
      data-testid="interim-protection"
    >
      <Icon name={interim.realtime === true ? 'check' : 'warning'} />
      <span>{interim.text}</span>
    </p>
  );
}
