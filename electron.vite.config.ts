import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Our layout is not electron-vite's default (src/main, src/preload, src/renderer), so every
// entry is named here. Main and the engine's process entry (forked as a utilityProcess, see
// electron/main/engine-process.ts) and the CLI are built side by side into out/main; Node
// dependencies (ws) stay external.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          engine: resolve(import.meta.dirname, 'electron/engine/process-entry.ts'),
          // The `framescope` CLI, built so that it runs without tsx (bin/framescope.mjs).
          cli: resolve(import.meta.dirname, 'electron/engine/cli/run.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ESM or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; browser mode serves it over the network
      // (a classroom), and Monaco alone is 6 MB unminified.
      minify: true,
      rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
