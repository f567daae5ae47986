import type { SoftwareItem } from '../types.ts';

/**
 * Lists what Windows' "Programs and Features" lists, as JSON: the Uninstall keys of the 64-bit
 * and 32-bit (WOW6432Node) machine hives and of the current user. Entries are skipped when they
 * have no DisplayName, are marked `SystemComponent` (an MSI hidden behind its setup bundle) or
 * name a `ParentKeyName` (updates and patches of another entry). Output is UTF-8 without a BOM;
 * the script uses single quotes only, so it survives any command-line quoting.
 *
 * The machine keys read the 64-bit view only when PowerShell itself is 64-bit, which holds when it
 * is started from a 64-bit agent; from a 32-bit process both paths land in WOW6432Node. The
 * script needs PowerShell 5 (`::new`); on an older one it fails and reg query is the fallback.
 */
export const uninstallPowerShellScript = [
  '[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)',
  '$keys = @(',
  "  'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',",
  "  'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',",
  "  'HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'",
  ')',
  '$entries = @(Get-ItemProperty -Path $keys -ErrorAction SilentlyContinue |',
  '  Where-Object { $_.DisplayName -and $_.SystemComponent -ne 1 -and -not $_.ParentKeyName } |',
  '  Select-Object DisplayName, DisplayVersion, Publisher)',
  'ConvertTo-Json -InputObject $entries -Compress',
].join('\n');

/**
 * Arguments for `powershell.exe` running {@link uninstallPowerShellScript}. The script travels as
 * `-EncodedCommand` (base64 of UTF-16LE), which no shell or argv quoting can alter.
 */
export const uninstallPowerShellArgs: readonly string[] = [
  '-NoProfile',
  '-NonInteractive',
  '-EncodedCommand',
  Buffer.from(uninstallPowerShellScript, 'utf16le').toString('base64'),
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A registry value as ConvertTo-Json writes it: a string, a number for a DWORD, or null. */
function registryText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return '';
}

/**
 * Drops repeated products: the 64-bit and WOW6432Node keys often list the same product under the
 * same name and version. The first entry, and so its publisher, wins.
 */
export function dedupeSoftware(items: SoftwareItem[]): SoftwareItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.name}\u0000${item.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parses `Get-ItemProperty …\Uninstall\* | Select DisplayName,DisplayVersion,Publisher |
 * ConvertTo-Json` from Windows PowerShell 5.1 (decode the bytes first: `Out-File` writes UTF-16LE).
 * ConvertTo-Json writes a lone object instead of an array when there is one entry, and an
 * all-null object for a key without a DisplayName, which is dropped. Names are trimmed (some
 * installers register them with a leading space); a missing version becomes `''`. Empty output
 * is an empty list; anything else that is not JSON throws a `SyntaxError`.
 */
export function parseUninstallJson(text: string): SoftwareItem[] {
  if (text.trim() === '') return [];

  const parsed: unknown = JSON.parse(text);
  const entries: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const items: SoftwareItem[] = [];

  for (const entry of entries) {
    if (!isRecord(entry)) continue;

    const name = registryText(entry.DisplayName);
    if (name === '') continue;

    items.push({
      name,
      version: registryText(entry.DisplayVersion),
      publisher: registryText(entry.Publisher) || null,
    });
  }
  return dedupeSoftware(items);
}
