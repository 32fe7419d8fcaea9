/** Shown when the page is opened without Handover's app around it (no window.handover). */
export function NoBridge() {
  return (
    <main className="content">
      <section className="panel" aria-labelledby="nobridge-heading">
        <h1 id="nobridge-heading">Handover needs to be opened from its app</h1>
        <p>This page cannot check your computer on its own. Start Handover from your applications instead.</p>
      </section>
    </main>
  );
}
