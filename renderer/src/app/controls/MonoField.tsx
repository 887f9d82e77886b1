import type { ReactNode } from 'react';

/** A labelled one-line monospace input: URLs, subprotocols, targets — values a user types exactly. */
export function MonoField(props: { label: ReactNode; testId: string; value: string; placeholder: string; onChange(value: string): void }) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        className="input mono"
        data-testid={props.testId}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
