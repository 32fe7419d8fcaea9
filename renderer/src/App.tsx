import { useEffect } from 'react';
import { FailedView } from './components/FailedView';
import { JourneyScreen } from './components/journey/JourneyScreen';
import { ScanProgressView } from './components/ScanProgressView';
import { VerdictView } from './components/VerdictView';
import { useAppStore } from './store/context';

function Screen() {
  const status = useAppStore((s) => s.scan.status);
  const result = useAppStore((s) => s.scan.result);
  const error = useAppStore((s) => s.scan.error);
  const journeyOpen = useAppStore((s) => s.journey.open);
  const journey = useAppStore((s) => s.journey.view);

  // Once the person has started (or resumed) the journey, it stays on screen, scans included.
  if (journeyOpen && journey?.plan) return <JourneyScreen view={journey} />;
  if (status === 'done' && result) return <VerdictView result={result} />;
  if (status === 'failed') return <FailedView error={error ?? 'The scan stopped without saying why.'} />;
  return <ScanProgressView />;
}

export function App() {
  const startFirstScan = useAppStore((s) => s.startFirstScan);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const appInfo = useAppStore((s) => s.appInfo);

  // The screen's one job: scan as soon as it opens.
  useEffect(() => {
    void loadAppInfo();
    void startFirstScan();
  }, [startFirstScan, loadAppInfo]);

  return (
    <>
      <header className="masthead">
        <p className="masthead__name">Handover</p>
        <p className="masthead__tagline">Is your antivirus still protecting you?</p>
      </header>
      <main className="content">
        <Screen />
      </main>
      <footer className="footer">
        <p>{appInfo ? `Handover ${appInfo.version}` : 'Handover'}. Nothing leaves your computer.</p>
      </footer>
    </>
  );
}
