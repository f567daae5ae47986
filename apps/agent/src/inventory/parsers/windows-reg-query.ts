import type { SoftwareItem } from '../types.ts';
import { dedupeSoftware } from './windows-uninstall-json.ts';

/** One key of `reg query /s` output: its full path and its values' data by value name. */
export interface RegistryKey {
  path: string;
  values: Record<string, string>;
}

/**
 * `    Name    TYPE    Data`, four spaces apart; an empty value has no data column at all. The
 * name is matched lazily up to the type, so names with single spaces inside still parse.
 */
const valueLine = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

/**
 * Parses the text of `reg query <key> /s` into keys. A key is a line starting at the margin,
 * followed by its indented values; keys without values appear as bare lines. DWORDs keep reg's
 * `0x…` form and every datum stays as text. Other lines (`End of search: …` with `/f`) are ignored.
 */
export function parseRegQuery(text: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  let current: RegistryKey | null = null;

  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;

    if (!line.startsWith(' ')) {
      current = { path: line.trim(), values: {} };
      keys.push(current);
      continue;
    }

    const match = valueLine.exec(line);
    if (!match || !current) continue;

    const [, name = '', , data = ''] = match;
    current.values[name] = data;
  }
  return keys;
}

/**
 * Software from `reg query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall /s`, the
 * fallback when PowerShell cannot run. It applies the same rules as the PowerShell script so that
 * both paths report the same list: keys without a DisplayName, `SystemComponent` entries (MSIs
 * hidden behind a setup bundle) and `ParentKeyName` entries (updates of another entry) are left
 * out, and products repeated with the same name and version are listed once.
 */
export function parseRegQueryUninstall(text: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];

  for (const { values } of parseRegQuery(text)) {
    const name = values.DisplayName?.trim() ?? '';
    if (name === '' || values.SystemComponent === '0x1' || values.ParentKeyName) continue;

    items.push({
      name,
      version: values.DisplayVersion?.trim() ?? '',
      publisher: values.Publisher?.trim() || null,
    });
  }
  return dedupeSoftware(items);
}
