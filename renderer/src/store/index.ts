// One bound store made of typed slices (zustand's slices pattern). Bulk data (frames) is not here:
// views page it from the engine; the store holds ids, counts, a version and the selection.
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createCaptureSlice, type CaptureSlice } from './capture-slice';
import { createCrafterSlice, type CrafterSlice } from './crafter-slice';
import { createControlsSlice, type ControlsSlice } from './controls-slice';
import { createInspectorSlice, type InspectorSlice } from './inspector-slice';
import { createLabSlice, type LabSlice } from './lab-slice';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';

export type StoreState = AppSlice & CaptureSlice & ControlsSlice & InspectorSlice & CrafterSlice & LabSlice & LayoutSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createCrafterSlice(...a),
  ...createCaptureSlice(...a),
  ...createControlsSlice(...a),
  ...createInspectorSlice(...a),
  ...createLabSlice(...a),
  ...createLayoutSlice(...a),
}));
