#!/usr/bin/env node
// The `framescope` command. In a development checkout (tsx installed, a devDependency) it runs the
// TypeScript source, so what you run is what you edited, with no build step. Anywhere else it runs
// the build (out/main/cli.js, made by `npm run build`), which needs no tsx.
import { existsSync } from 'node:fs';

const source = new URL('../electron/engine/cli/run.ts', import.meta.url);
const built = new URL('../out/main/cli.js', import.meta.url);

function tsxInstalled() {
  try {
    import.meta.resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (process.env.FRAMESCOPE_CLI !== 'built' && existsSync(source) && tsxInstalled()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('framescope: no build found; run `npm run build` (or `npm install` in a checkout to run from source).\n');
  process.exit(1);
}
