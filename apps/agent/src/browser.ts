import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface BrowserLaunch {
  command: string;
  args: string[];
  /** `app` opens a window without tabs or address bar; `default` hands the URL to the OS. */
  kind: 'app' | 'default';
}

/** Chromium-family browsers that understand `--app=URL`, by where each OS installs them. */
function appBrowserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    // Browser first, then where it may be installed: Chrome installed for one user must win
    // over the Edge every Windows machine has.
    const browsers = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ];
    return browsers.flatMap((parts) => roots.map((root) => path.win32.join(root, ...parts)));
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  const directories = (env.PATH ?? '/usr/bin').split(path.delimiter).filter(Boolean);
  const names = [
    'google-chrome',
    'google-chrome-stable',
    'microsoft-edge',
    'chromium',
    'chromium-browser',
  ];
  return names.flatMap((name) => directories.map((directory) => path.join(directory, name)));
}

/**
 * How to open `url`: in an app window of Chrome, Edge or Chromium when one is installed, else
 * in the default browser. `CHAMADOS_AGENT_BROWSER` names a browser to use instead, and
 * `CHAMADOS_AGENT_BROWSER_ARGS` adds flags (space-separated) to an app window.
 */
export function browserLaunchFor(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): BrowserLaunch {
  const chosen = env.CHAMADOS_AGENT_BROWSER;
  const browser =
    chosen && exists(chosen) ? chosen : appBrowserCandidates(platform, env).find(exists);
  if (browser) {
    const extra = (env.CHAMADOS_AGENT_BROWSER_ARGS ?? '').split(' ').filter(Boolean);
    // Chromium refuses to start as root unless its sandbox is off (Linux only).
    const root = platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    return { command: browser, args: [...root, ...extra, `--app=${url}`], kind: 'app' };
  }
  if (platform === 'win32') {
    // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
    return { command: 'cmd.exe', args: ['/c', 'start', '""', url], kind: 'default' };
  }
  if (platform === 'darwin') return { command: 'open', args: [url], kind: 'default' };
  return { command: 'xdg-open', args: [url], kind: 'default' };
}

/** Starts the browser detached, so it outlives the agent's command. */
export function launchBrowser(launch: BrowserLaunch): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(launch.command, launch.args, {
      detached: true,
      stdio: 'ignore',
      windowsHide: false,
    });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
