const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/**
 * Reads a shell-style value the way os-release(5) allows: double quotes (where a backslash
 * escapes `"`, `\`, `$` and a backtick), single quotes (taken literally), or bare words (where a
 * backslash escapes any character).
 */
function unquote(raw: string): string {
  let value = '';
  let quote: '"' | "'" | null = null;

  for (let index = 0; index < raw.length; index++) {
    const char = raw.charAt(index);
    const next = raw.charAt(index + 1);

    if (quote === "'") {
      if (char === "'") quote = null;
      else value += char;
    } else if (char === '\\' && next !== '' && (quote === null || '"\\$`'.includes(next))) {
      value += next;
      index++;
    } else if (char === '"') {
      quote = quote === '"' ? null : '"';
    } else if (char === "'" && quote === null) {
      quote = "'";
    } else {
      value += char;
    }
  }
  return value;
}

/**
 * Parses `/etc/os-release` (or `/usr/lib/os-release`) into its variables. Values may be quoted
 * or not (`ID=fedora`, `ID="rhel"`) and may be empty (`VERSION_CODENAME=""`); comments, blank
 * lines and lines that are not assignments are skipped. No key is guaranteed: Alpine has no
 * `VERSION`, so callers decide their own fallbacks.
 */
export function parseOsRelease(text: string): Record<string, string> {
  const variables: Record<string, string> = {};

  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;

    const match = assignment.exec(trimmed);
    if (!match) continue;

    const [, key = '', raw = ''] = match;
    variables[key] = unquote(raw);
  }
  return variables;
}
