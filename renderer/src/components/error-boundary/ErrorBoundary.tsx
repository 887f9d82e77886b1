// Keeps one broken pane from blanking the whole app: a frame nobody anticipated is reported in
// words, the rest of the window (and the captured data) stays usable. `resetKey` retries.
import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  /** What could not be shown, in the UI language, for the message ("frame #12", "the frame table"). */
  what: string;
  /** Change it (e.g. to the selected frame's id) to try rendering again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: null } : null;
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="note warn-note" role="alert" style={{ margin: 'var(--space-3)' }}>
        <Translation ns="components">{(t) => t('errorBoundary.message', { what: this.props.what, message: error.message })}</Translation>
      </div>
    );
  }
}
