// `npm start`: the desktop app where Electron's binary is installed; otherwise one line saying so
// and the same app in browser mode. (Electron's installer downloads the binary from the internet,
// which offline machines cannot do; install scripts are off in .npmrc, so we try once here.)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const bin = join(electronDir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function tryInstallElectron() {
  if (!existsSync(join(electronDir, 'install.js')) || process.env.FRAMESCOPE_NO_ELECTRON_DOWNLOAD === '1') return false;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 120_000 });
  return result.status === 0 && electronBinary() !== null;
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const extra = process.argv.slice(2);
if (process.env.FRAMESCOPE_BROWSER !== '1' && (electronBinary() || tryInstallElectron())) {
  run('npx', ['electron-vite', 'preview', ...extra]);
} else {
  console.log('Electron is not installed here (its binary could not be downloaded), so Framescope opens in browser mode instead.');
  run(process.execPath, [join(root, 'bin', 'framescope.mjs'), 'serve', ...extra]);
}
