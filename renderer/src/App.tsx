import { lazy, Suspense, useEffect } from 'react';
import { FailedView } from './components/FailedView';
import { ViewingBanner } from './components/help/ViewingBanner';
import { JourneyScreen } from './components/journey/JourneyScreen';
import { ScanProgressView } from './components/ScanProgressView';
import { ThemeChooser } from './components/ThemeChooser';
import { TechnicianSwitch } from './components/technician/TechnicianSwitch';
import { VerdictView } from './components/VerdictView';
import { useAppStore } from './store/context';

/**
 * The Fleet screen and its libraries (the table, the virtual list, the chart) load only when a
 * folder is opened: a home user's window never fetches them (the e2e budget spec counts them
 * apart from the rest).
 */
const FleetScreen = lazy(() => import('./components/fleet/FleetScreen'));

function Screen() {
  const status = useAppStore((s) => s.scan.status);
  const result = useAppStore((s) => s.scan.result);
  const error = useAppStore((s) => s.scan.error);
  const journeyOpen = useAppStore((s) => s.journey.open);
  const journey = useAppStore((s) => s.journey.view);
  const fleetOpen = useAppStore((s) => s.fleet.open);
  const viewing = useAppStore((s) => s.viewing.info !== null);

  // A machine opened from the fleet shows under the banner; closing it comes back to the fleet.
  if (fleetOpen && !viewing)
    return (
      <Suspense fallback={<p aria-live="polite">Opening the Fleet screen…</p>}>
        <FleetScreen />
      </Suspense>
    );

  // Once the person has started (or resumed) the journey, it stays on screen, scans included.
  if (journeyOpen && journey?.plan) return <JourneyScreen view={journey} />;
  if (status === 'done' && result) return <VerdictView result={result} />;
  if (status === 'failed') return <FailedView error={error ?? 'The scan stopped without saying why.'} />;
  return <ScanProgressView />;
}

export function App() {
  const startFirstScan = useAppStore((s) => s.startFirstScan);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const loadSettings = useAppStore((s) => s.loadSettings);
  const loadViewing = useAppStore((s) => s.loadViewing);
  const appInfo = useAppStore((s) => s.appInfo);

  // The screen's one job: scan as soon as it opens. A reloaded window may still show a
  // diagnostics file (the main process keeps it open), so that is asked first: its scan must not
  // be taken for this computer's, nor its journey read.
  useEffect(() => {
    void loadAppInfo();
    void loadSettings();
    void loadViewing().then(startFirstScan);
  }, [startFirstScan, loadAppInfo, loadSettings, loadViewing]);

  return (
    <>
      <header className="masthead">
        <p className="masthead__name">Handover</p>
        <p className="masthead__tagline">Is your antivirus still protecting you?</p>
        <TechnicianSwitch />
        <ThemeChooser />
      </header>
      <main className="content">
        <ViewingBanner />
        <Screen />
      </main>
      <footer className="footer">
        <p>{appInfo ? `Handover ${appInfo.version}` : 'Handover'}. Nothing leaves your computer.</p>
      </footer>
    </>
  );
}
