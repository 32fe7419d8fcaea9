import type { Detection, Reason } from '../../../../electron/api/contract';
import { reasonSubjects } from '../../technician-format';

/** After a reason's sentence, in the technician view: its stable code and the products it is about. */
export function ReasonCode({ reason, detections }: { reason: Reason; detections: readonly Detection[] }) {
  const subjects = reasonSubjects(reason, detections);
  return (
    <span className="tech__reason">
      Code <code>{reason.code}</code>
      {subjects.length > 0 ? `, about ${subjects.join(', ')}` : ', about the whole computer'}.
    </span>
  );
}
