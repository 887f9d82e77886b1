// "Open a terminal": the system's terminal emulator, started detached with the proxy and CA
// variables in its environment, so the shell inside (and every client started from it) is captured.
// FRAMESCOPE_TERMINAL names one explicitly; otherwise the usual Linux emulators on PATH when a
// display is there. macOS Terminal.app does not pass a launcher's environment to its shells, so
// there (and wherever none is found) the caller shows the `export` lines to copy instead.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const LINUX_TERMINALS = ['x-terminal-emulator', 'gnome-terminal', 'konsole', 'xfce4-terminal', 'kitty', 'alacritty', 'xterm'];

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

/** The terminal to start, or null when this machine has none Framescope can start with an environment. */
export function findTerminal(env: NodeJS.ProcessEnv): string | null {
  if (env.FRAMESCOPE_TERMINAL) return onPath(env.FRAMESCOPE_TERMINAL, env) ?? (env.FRAMESCOPE_TERMINAL.includes('/') ? env.FRAMESCOPE_TERMINAL : null);
  if (process.platform === 'win32') return env.ComSpec ?? 'cmd.exe';
  if (process.platform !== 'linux' || (!env.DISPLAY && !env.WAYLAND_DISPLAY)) return null;
  for (const name of LINUX_TERMINALS) {
    const path = onPath(name, env);
    if (path !== null) return path;
  }
  return null;
}

/** Starts the terminal with `vars` added to the environment; returns its path, or null when none could be started. */
export function launchTerminal(vars: Record<string, string>, env: NodeJS.ProcessEnv): string | null {
  const terminal = findTerminal(env);
  if (terminal === null) return null;
  try {
    const args = process.platform === 'win32' && !env.FRAMESCOPE_TERMINAL ? ['/c', 'start', 'cmd.exe'] : [];
    const child = spawn(terminal, args, { env: { ...env, ...vars }, stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // reported as started; a terminal that dies at once shows nothing to report
    child.unref();
    return terminal;
  } catch {
    return null;
  }
}
