import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dpkgQueryArgs, parseDpkgQuery } from '../../../src/inventory/parsers/dpkg.ts';
import { readAgentFixture } from './fixture.ts';

// Recorded once on a Debian 12 (bookworm) machine by running `dpkg-query` with dpkgQueryArgs.
const debian12 = readAgentFixture('dpkg-query_debian-12.txt').toString('utf8');

const hasDpkgQuery = spawnSync('dpkg-query', ['--version']).status === 0;

describe('parseDpkgQuery', () => {
  it('lists the 832 packages installed on a Debian 12 machine', () => {
    const software = parseDpkgQuery(debian12);

    expect(software).toHaveLength(832);
    expect(software[0]).toEqual({
      name: 'adduser',
      version: '3.134',
      publisher: 'Debian Adduser Developers',
    });
  });

  it('keeps the epoch in the version and the maintainer without the e-mail address', () => {
    const byName = new Map(parseDpkgQuery(debian12).map((item) => [item.name, item]));

    expect(byName.get('bash')).toEqual({
      name: 'bash',
      version: '5.2.15-2+b8',
      publisher: 'Matthias Klose',
    });
    expect(byName.get('bsdutils')).toEqual({
      name: 'bsdutils',
      version: '1:2.38.1-5+deb12u3',
      publisher: 'util-linux packagers',
    });
    expect(byName.get('libc6')?.publisher).toBe('GNU Libc Maintainers');
  });

  // The recorded machine has every package in state `ii`; these lines show the other states.
  it('keeps installed and held packages, not removed or half-installed ones', () => {
    const text = [
      'held\t1.0\tJane Doe <jane@example.org>\thi ',
      'removed\t2.0\tJane Doe <jane@example.org>\trc ',
      'unpacked\t3.0\tJane Doe <jane@example.org>\tiU ',
      'reinstreq\t4.0\tJane Doe <jane@example.org>\tiiR',
      'no-address\t5.0\tJane Doe\tii ',
      'no-maintainer\t6.0\t\tii ',
      'a line that is not dpkg-query output',
      '',
    ].join('\n');

    expect(parseDpkgQuery(text)).toEqual([
      { name: 'held', version: '1.0', publisher: 'Jane Doe' },
      { name: 'reinstreq', version: '4.0', publisher: 'Jane Doe' },
      { name: 'no-address', version: '5.0', publisher: 'Jane Doe' },
      { name: 'no-maintainer', version: '6.0', publisher: null },
    ]);
  });

  it.skipIf(!hasDpkgQuery)('reads what dpkg-query prints on this machine', () => {
    const output = execFileSync('dpkg-query', [...dpkgQueryArgs], { encoding: 'utf8' });
    const bash = parseDpkgQuery(output).find((item) => item.name === 'bash');

    expect(bash?.version).toMatch(/^\d+\.\d+/);
    expect(bash?.publisher).toBeTruthy();
  });
});
