import { describe, expect, it } from 'vitest';
import { type BrowserLaunch, browserLaunchFor } from '../../src/browser.ts';

/**
 * Which browser opens is decided from files on disk; each case hands `browserLaunchFor` the
 * files it should find, so every OS's layout can be checked on this one.
 */
const url = 'https://chamados.example.org/machine-login?code=AB12-CD34';

/** An `exists` that finds exactly the given files. */
const installed =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

/** Chromium will not start as root on Linux without its sandbox switched off. */
const asRoot = process.getuid?.() === 0;
const linuxRootFlags = asRoot ? ['--no-sandbox'] : [];

const windowsEnv: NodeJS.ProcessEnv = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
};
const linuxEnv: NodeJS.ProcessEnv = { PATH: '/usr/local/bin:/usr/bin:/snap/bin' };

const windows = {
  chrome: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  chrome32: 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  edge: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  userChromium: 'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe',
  userChrome: 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
};
const mac = {
  chrome: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  edge: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  chromium: '/Applications/Chromium.app/Contents/MacOS/Chromium',
};

describe('browserLaunchFor', () => {
  const cases: {
    what: string;
    platform: NodeJS.Platform;
    env: NodeJS.ProcessEnv;
    files: string[];
    expected: BrowserLaunch;
  }[] = [
    {
      what: 'Windows: Chrome in Program Files',
      platform: 'win32',
      env: windowsEnv,
      files: [windows.chrome, windows.edge],
      expected: { command: windows.chrome, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: 'Windows: 32-bit Chrome before Edge in the same folder',
      platform: 'win32',
      env: windowsEnv,
      files: [windows.edge, windows.chrome32],
      expected: { command: windows.chrome32, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: "Windows: Chrome installed for the user before the machine's Edge",
      platform: 'win32',
      env: windowsEnv,
      files: [windows.edge, windows.userChrome],
      expected: { command: windows.userChrome, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: 'Windows: Edge when there is no Chrome',
      platform: 'win32',
      env: windowsEnv,
      files: [windows.edge],
      expected: { command: windows.edge, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: "Windows: Chromium in the user's AppData",
      platform: 'win32',
      env: windowsEnv,
      files: [windows.userChromium],
      expected: { command: windows.userChromium, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: 'Windows: the default browser through cmd when nothing is installed',
      platform: 'win32',
      env: windowsEnv,
      files: [],
      expected: { command: 'cmd.exe', args: ['/c', 'start', '""', url], kind: 'default' },
    },
    {
      what: 'Windows: the default browser when no install folder is known',
      platform: 'win32',
      env: {},
      files: [windows.chrome],
      expected: { command: 'cmd.exe', args: ['/c', 'start', '""', url], kind: 'default' },
    },
    {
      what: 'macOS: Chrome before Edge and Chromium',
      platform: 'darwin',
      env: {},
      files: [mac.chromium, mac.edge, mac.chrome],
      expected: { command: mac.chrome, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: 'macOS: Edge when there is no Chrome',
      platform: 'darwin',
      env: {},
      files: [mac.chromium, mac.edge],
      expected: { command: mac.edge, args: [`--app=${url}`], kind: 'app' },
    },
    {
      what: 'macOS: the default browser through open when nothing is installed',
      platform: 'darwin',
      env: {},
      files: [],
      expected: { command: 'open', args: [url], kind: 'default' },
    },
    {
      what: 'Linux: Chrome from PATH, before Edge earlier in PATH',
      platform: 'linux',
      env: linuxEnv,
      files: ['/usr/local/bin/microsoft-edge', '/usr/bin/google-chrome'],
      expected: {
        command: '/usr/bin/google-chrome',
        args: [...linuxRootFlags, `--app=${url}`],
        kind: 'app',
      },
    },
    {
      what: 'Linux: Edge when there is no Chrome',
      platform: 'linux',
      env: linuxEnv,
      files: ['/snap/bin/chromium', '/usr/bin/microsoft-edge'],
      expected: {
        command: '/usr/bin/microsoft-edge',
        args: [...linuxRootFlags, `--app=${url}`],
        kind: 'app',
      },
    },
    {
      what: 'Linux: Chromium from /usr/bin when PATH is unset',
      platform: 'linux',
      env: {},
      files: ['/usr/bin/chromium-browser'],
      expected: {
        command: '/usr/bin/chromium-browser',
        args: [...linuxRootFlags, `--app=${url}`],
        kind: 'app',
      },
    },
    {
      what: 'Linux: the default browser through xdg-open when nothing is installed',
      platform: 'linux',
      env: linuxEnv,
      files: [],
      expected: { command: 'xdg-open', args: [url], kind: 'default' },
    },
  ];

  it.each(cases)('opens $what', ({ platform, env, files, expected }) => {
    expect(browserLaunchFor(url, platform, env, installed(...files))).toEqual(expected);
  });

  it(`turns Chromium's sandbox off on Linux only, as root (root now: ${asRoot})`, () => {
    const linux = browserLaunchFor(url, 'linux', linuxEnv, installed('/usr/bin/chromium'));
    const macOS = browserLaunchFor(url, 'darwin', {}, installed(mac.chromium));
    const win = browserLaunchFor(url, 'win32', windowsEnv, installed(windows.edge));

    expect(linux.args.includes('--no-sandbox')).toBe(asRoot);
    expect(macOS.args).not.toContain('--no-sandbox');
    expect(win.args).not.toContain('--no-sandbox');
  });

  describe('CHAMADOS_AGENT_BROWSER', () => {
    const chosen = '/opt/brave/brave-browser';

    it('is used instead of the browsers found, when it exists', () => {
      const env = { ...linuxEnv, CHAMADOS_AGENT_BROWSER: chosen };
      const exists = installed(chosen, '/usr/bin/google-chrome');

      expect(browserLaunchFor(url, 'linux', env, exists)).toEqual({
        command: chosen,
        args: [...linuxRootFlags, `--app=${url}`],
        kind: 'app',
      });
    });

    it('is ignored when it does not exist', () => {
      const env = { ...linuxEnv, CHAMADOS_AGENT_BROWSER: chosen };

      expect(browserLaunchFor(url, 'linux', env, installed('/usr/bin/google-chrome'))).toEqual({
        command: '/usr/bin/google-chrome',
        args: [...linuxRootFlags, `--app=${url}`],
        kind: 'app',
      });
      expect(browserLaunchFor(url, 'darwin', env, installed())).toEqual({
        command: 'open',
        args: [url],
        kind: 'default',
      });
    });
  });

  describe('CHAMADOS_AGENT_BROWSER_ARGS', () => {
    const env = { CHAMADOS_AGENT_BROWSER_ARGS: '  --kiosk   --lang=pt-BR ' };

    it('adds its space-separated flags before the app window', () => {
      expect(browserLaunchFor(url, 'darwin', env, installed(mac.chrome))).toEqual({
        command: mac.chrome,
        args: ['--kiosk', '--lang=pt-BR', `--app=${url}`],
        kind: 'app',
      });
    });

    it('comes after the sandbox flag on Linux', () => {
      const launch = browserLaunchFor(
        url,
        'linux',
        { ...linuxEnv, ...env },
        installed('/usr/bin/chromium'),
      );

      expect(launch.args).toEqual([...linuxRootFlags, '--kiosk', '--lang=pt-BR', `--app=${url}`]);
    });

    it('is not passed to the default browser', () => {
      expect(browserLaunchFor(url, 'linux', { ...linuxEnv, ...env }, installed())).toEqual({
        command: 'xdg-open',
        args: [url],
        kind: 'default',
      });
    });
  });
});
