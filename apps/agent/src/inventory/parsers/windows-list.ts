/** wmic `/FORMAT:list`: `Key=Value`, the value running to the end of the line. */
const wmicLine = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/** PowerShell `Format-List`: `Key : Value`, keys padded to a common width, empty values bare. */
const powerShellLine = /^([A-Za-z_][A-Za-z0-9_]*) *:(?: (.*))?$/;

/**
 * Parses WMI objects printed as lists, by `wmic … get /FORMAT:list` (`Key=Value`) or by
 * PowerShell's `Get-WmiObject`/`Get-CimInstance` default list view (`Key : Value`). Records are
 * separated by blank lines; lines that are neither form (an echoed command, a heading) are
 * skipped. Values are trimmed, because WMI pads some strings (`Caption=Microsoft Windows 7
 * Professionnel `), but runs of spaces inside them are kept (`DELL   - 6222004`). An empty value
 * is `''`. Arrays (`{"fr-FR","en-US"}`), booleans and CIM dates stay as wmic printed them.
 *
 * PowerShell wraps a value longer than the console is wide onto indented lines, which are not
 * joined here; pipe through `Format-List | Out-String -Width 4096` to avoid it.
 */
export function parseWmiList(text: string): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  let current: Record<string, string> = {};

  const finish = () => {
    if (Object.keys(current).length > 0) records.push(current);
    current = {};
  };

  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      finish();
      continue;
    }

    const match = wmicLine.exec(line) ?? powerShellLine.exec(line);
    if (!match) continue;

    const [, key = '', value = ''] = match;
    current[key] = value.trim();
  }
  finish();
  return records;
}
