export function CrafterView() {
  return (
    <section className="view-placeholder" aria-label="Crafter">
      <h1>Crafter</h1>
      <p>Compose a frame, see its bytes, and send it into a live connection.</p>
    </section>
  );
}
