// Catalog text with `code` spans: header names, URLs and tokens between backticks are data, shown
// in the code font and marked translate="no" (they stay as they are on the wire in every language).
import { Fragment } from 'react';

export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="lesson-code" translate="no">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
