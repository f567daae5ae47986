/** What `sw_vers` reports; a field it did not print is `null`. */
export interface SwVers {
  /** `Mac OS X` up to 10.x, `macOS` from 11. */
  name: string | null;
  version: string | null;
  build: string | null;
  /** The Rapid Security Response letter, e.g. `(a)`, on macOS 13 and later. */
  extra: string | null;
}

const fields = new Map<string, keyof SwVers>([
  ['ProductName', 'name'],
  ['ProductVersion', 'version'],
  ['ProductVersionExtra', 'extra'],
  ['BuildVersion', 'build'],
]);

/**
 * Parses `sw_vers`. The padding after the colon changed over the years (one TAB up to macOS 12,
 * two from 13, spaces once pasted), so each line is split on its first colon and trimmed. Lines
 * that are not sw_vers fields are ignored.
 */
export function parseSwVers(text: string): SwVers {
  const result: SwVers = { name: null, version: null, build: null, extra: null };

  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;

    const field = fields.get(line.slice(0, colon).trim());
    const value = line.slice(colon + 1).trim();
    if (field && value !== '') result[field] = value;
  }
  return result;
}
