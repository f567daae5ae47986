import type { SoftwareItem } from '../types.ts';

/**
 * Arguments for `dpkg-query` listing every package as one TAB-separated line: package, version,
 * maintainer, status abbreviation. The format is pinned here because the parser below splits on
 * exactly these columns; dpkg-query expands the `\t` and `\n` escapes itself.
 */
export const dpkgQueryArgs: readonly string[] = [
  '-W',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's ${field} syntax, not ours.
  '-f=${Package}\\t${Version}\\t${Maintainer}\\t${db:Status-Abbrev}\\n',
];

/** `Jane Doe <jane@example.org>` → `Jane Doe`; an address alone stays as it is. */
function maintainerName(maintainer: string): string | null {
  const name = maintainer.replace(/<[^>]*>/, '').trim();
  if (name !== '') return name;
  return maintainer.trim() || null;
}

/**
 * Parses the output of `dpkg-query` run with {@link dpkgQueryArgs}, keeping the packages that are
 * installed. `${db:Status-Abbrev}` is three characters (wanted, current, error); a package counts
 * when its current state is `i`, so `ii` and a held `hi` are kept while `rc` (removed, its
 * configuration files left behind) and half-installed or unpacked packages are not. The publisher
 * is the maintainer's name without the e-mail address.
 */
export function parseDpkgQuery(text: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];

  for (const line of text.split(/\r?\n/)) {
    const columns = line.split('\t');
    if (columns.length !== 4) continue;

    const [name = '', version = '', maintainer = '', status = ''] = columns;
    if (name === '' || status.charAt(1) !== 'i') continue;

    items.push({ name, version, publisher: maintainerName(maintainer) });
  }
  return items;
}
