// The CLI's process entry: bin/framescope.mjs loads this, from out/main/cli.js when built (no tsx
// at run time) or from source through tsx in a development checkout.
import { runProcess } from './main';

await runProcess();
