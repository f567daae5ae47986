import type { SoftwareItem } from '../types.ts';

/**
 * Arguments for `rpm` listing every package as one TAB-separated line: name, epoch (`0` when the
 * package has none), version, release, install time, architecture. rpm expands the `\t` and `\n`
 * escapes itself.
 */
export const rpmQueryArgs: readonly string[] = [
  '-qa',
  '--queryformat',
  String.raw`%{NAME}\t%|EPOCH?{%{EPOCH}}:{0}|\t%{VERSION}\t%{RELEASE}\t%{INSTALLTIME}\t%{ARCH}\n`,
];

/**
 * Parses the output of `rpm` run with {@link rpmQueryArgs}. The version is `version-release`,
 * prefixed by `epoch:` when the package has an epoch, as rpm itself compares them. Lines that do
 * not have exactly the six columns are skipped rather than guessed at, and so are the
 * `gpg-pubkey` pseudo-packages, which are the repository signing keys rpm imported, not software.
 * The architecture is not kept: a multilib package installed for two architectures appears twice.
 */
export function parseRpmQuery(text: string): SoftwareItem[] {
  const items: SoftwareItem[] = [];

  for (const line of text.split(/\r?\n/)) {
    const columns = line.split('\t');
    if (columns.length !== 6) continue;

    const [name = '', epoch = '', version = '', release = ''] = columns;
    if (name === '' || version === '' || name === 'gpg-pubkey') continue;

    const versionRelease = release === '' ? version : `${version}-${release}`;
    const hasEpoch = epoch !== '' && epoch !== '0' && epoch !== '(none)';
    items.push({
      name,
      version: hasEpoch ? `${epoch}:${versionRelease}` : versionRelease,
      publisher: null,
    });
  }
  return items;
}
