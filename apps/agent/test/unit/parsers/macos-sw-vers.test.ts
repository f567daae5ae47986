import { describe, expect, it } from 'vitest';
import { parseSwVers, type SwVers } from '../../../src/inventory/parsers/macos-sw-vers.ts';
import { readFixture } from './fixture.ts';

describe('parseSwVers', () => {
  const releases: { release: string; fixture: string; expected: SwVers }[] = [
    {
      release: 'High Sierra, one TAB, still "Mac OS X"',
      fixture: 'sw_vers_high_sierra.txt',
      expected: { name: 'Mac OS X', version: '10.13.6', build: '17G14042', extra: null },
    },
    {
      release: 'Big Sur, one TAB',
      fixture: 'sw_vers_big_sur.txt',
      expected: { name: 'macOS', version: '11.6.2', build: '20G314', extra: null },
    },
    {
      release: 'Monterey, one TAB',
      fixture: 'sw_vers_monterey.txt',
      expected: { name: 'macOS', version: '12.1', build: '21C52', extra: null },
    },
    {
      release: 'Ventura, two TABs',
      fixture: 'sw_vers_ventura-13.4.1_vuls.txt',
      expected: { name: 'macOS', version: '13.4.1', build: '22F82', extra: null },
    },
    {
      release: 'Ventura with a Rapid Security Response, spaces, followed by sysctl lines',
      fixture: 'sw_vers_rsr-13.3.1a_systeminformation-issue-809.txt',
      expected: { name: 'macOS', version: '13.3.1', build: '22E772610a', extra: '(a)' },
    },
  ];

  it.each(releases)('reads $release', ({ fixture, expected }) => {
    const text = readFixture(`os/macos/${fixture}`).toString('utf8');

    expect(parseSwVers(text)).toEqual(expected);
  });

  it('gives nulls for empty output', () => {
    expect(parseSwVers('')).toEqual({ name: null, version: null, build: null, extra: null });
  });
});
