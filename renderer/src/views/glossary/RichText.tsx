// Glossary text with `code` spans: parameter names, formulas and media types stay as written
// (marked translate="no": they are protocol tokens in any language).
export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} translate="no">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** The text without its code marks, for search and for plain-text places (tooltips). */
export function plainText(text: string): string {
  return text.replaceAll('`', '');
}
