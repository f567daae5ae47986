import { decodeCommandOutput } from './parsers/decode.ts';
import { dpkgQueryArgs, parseDpkgQuery } from './parsers/dpkg.ts';
import { parseSystemProfilerApplications } from './parsers/macos-applications.ts';
import { parseRpmQuery, rpmQueryArgs } from './parsers/rpm.ts';
import { parseRegQueryUninstall } from './parsers/windows-reg-query.ts';
import {
  dedupeSoftware,
  parseUninstallJson,
  uninstallPowerShellArgs,
} from './parsers/windows-uninstall-json.ts';
import { runTool } from './run-tool.ts';
import type { SoftwareItem } from './types.ts';

interface SoftwareList {
  items: SoftwareItem[];
  /** The tool the list came from, or `none` when no source answered. */
  source: string;
}

type Source = { name: string; read: () => Promise<SoftwareItem[] | null> };

async function fromTool(
  command: string,
  args: readonly string[],
  parse: (text: string) => SoftwareItem[],
): Promise<SoftwareItem[] | null> {
  const output = await runTool(command, args);
  if (!output) return null;
  try {
    return parse(decodeCommandOutput(output));
  } catch {
    // Output the parser cannot read (a truncated JSON document): try the next source.
    return null;
  }
}

const uninstallKeys = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
];

/** Where each OS keeps its list of installed software, best source first. */
function sourcesFor(platform: NodeJS.Platform): Source[] {
  if (platform === 'win32') {
    return [
      {
        name: 'registry (PowerShell)',
        read: () => fromTool('powershell.exe', uninstallPowerShellArgs, parseUninstallJson),
      },
      {
        // Where PowerShell is missing or locked down, reg.exe still reads the same keys.
        name: 'registry (reg query)',
        read: async () => {
          const lists = await Promise.all(
            uninstallKeys.map((key) =>
              fromTool('reg', ['query', key, '/s'], parseRegQueryUninstall),
            ),
          );
          if (lists.every((list) => list === null)) return null;
          return dedupeSoftware(lists.flatMap((list) => list ?? []));
        },
      },
    ];
  }
  if (platform === 'darwin') {
    return [
      {
        name: 'system_profiler',
        read: () =>
          fromTool('system_profiler', ['SPApplicationsDataType'], parseSystemProfilerApplications),
      },
    ];
  }
  return [
    { name: 'dpkg', read: () => fromTool('dpkg-query', dpkgQueryArgs, parseDpkgQuery) },
    { name: 'rpm', read: () => fromTool('rpm', rpmQueryArgs, parseRpmQuery) },
  ];
}

/**
 * The installed software, sorted by name then version so the inventory hash only moves when
 * the software does. The first source that answers with a list wins (a Debian machine with
 * rpm installed for some tool must not report rpm's empty database).
 */
export async function collectSoftware(platform = process.platform): Promise<SoftwareList> {
  for (const source of sourcesFor(platform)) {
    const items = await source.read();
    if (items && items.length > 0) {
      const sorted = [...items].sort(
        (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'),
      );
      return { items: sorted, source: source.name };
    }
  }
  return { items: [], source: 'none' };
}
