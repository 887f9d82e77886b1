export function InspectorView() {
  return (
    <section className="view-placeholder" aria-label="Inspector">
      <h1>Inspector</h1>
      <p>Select a connection, or start a proxy, to see its frames here.</p>
    </section>
  );
}
