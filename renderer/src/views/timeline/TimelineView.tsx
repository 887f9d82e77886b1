export function TimelineView() {
  return (
    <section className="view-placeholder" aria-label="Timeline">
      <h1>Timeline</h1>
      <p>A sequence diagram of client, proxy and server appears once traffic flows.</p>
    </section>
  );
}
