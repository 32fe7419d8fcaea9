import { useAppStore } from '../../store/context';
import { SupportCodeDecoder } from '../technician/SupportCodeDecoder';
import { HelpDeskActions } from './HelpDeskActions';
import { HelpOutcome } from './HelpOutcome';
import { SupportCodeLine } from './SupportCodeLine';

/**
 * "Get help", at the end of the verdict and journey screens: the support code to read out, then
 * the tools for the person helping, folded away so the home user's screen stays simple (open in
 * the technician view, with the code decoder).
 */
export function HelpPanel() {
  const technician = useAppStore((s) => s.settings.technicianView);
  const viewing = useAppStore((s) => s.viewing.info !== null);

  return (
    <section className="panel help" aria-labelledby="help-heading" data-testid="help-panel">
      <h2 id="help-heading">Get help</h2>
      {/* The code of a machine opened from a file is in the banner and under "Their journey". */}
      {!viewing && <SupportCodeLine />}
      {technician ? (
        <>
          <h3 className="help__heading">For the person helping you</h3>
          <HelpDeskActions />
          <SupportCodeDecoder />
        </>
      ) : (
        <details className="help__more">
          <summary>For the person helping you</summary>
          <HelpDeskActions />
        </details>
      )}
      <HelpOutcome />
    </section>
  );
}
