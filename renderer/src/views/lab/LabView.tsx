export function LabView() {
  return (
    <section className="view-placeholder" aria-label="Lab">
      <h1>Lab</h1>
      <p>The comparison lab runs one event stream four ways, side by side.</p>
    </section>
  );
}
