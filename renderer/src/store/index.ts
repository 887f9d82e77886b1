// One bound store made of typed slices (zustand's slices pattern). Bulk data (frames) is not here:
// views page it from the engine; the store holds ids, counts, a version and the selection.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createCaptureSlice, type CaptureSlice } from './capture-slice';

export type StoreState = AppSlice & CaptureSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createCaptureSlice(...a),
}));
