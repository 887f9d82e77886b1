// Presenter mode on or off. `<html data-presenter="on">` is what presenter.css keys on, so the
// whole app (every view, whoever owns it) follows without knowing about it.
import { create } from 'zustand';

export interface PresenterState {
  on: boolean;
  setOn(on: boolean): void;
  toggle(): void;
}

export const usePresenterStore = create<PresenterState>()((set) => ({
  on: false,
  setOn: (on) => set({ on }),
  toggle: () => set((s) => ({ on: !s.on })),
}));
