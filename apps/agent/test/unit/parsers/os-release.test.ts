import { describe, expect, it } from 'vitest';
import { parseOsRelease } from '../../../src/inventory/parsers/os-release.ts';
import { readFixture } from './fixture.ts';

function osRelease(name: string): Record<string, string> {
  return parseOsRelease(readFixture(`os/linux/os-release_${name}`).toString('utf8'));
}

describe('parseOsRelease', () => {
  const machines: {
    fixture: string;
    keys: number;
    expected: Record<string, string | undefined>;
  }[] = [
    {
      fixture: 'ubuntu-24.04',
      keys: 13,
      expected: {
        NAME: 'Ubuntu',
        ID: 'ubuntu',
        ID_LIKE: 'debian',
        VERSION_ID: '24.04',
        VERSION: '24.04.3 LTS (Noble Numbat)',
        PRETTY_NAME: 'Ubuntu 24.04.3 LTS',
        VERSION_CODENAME: 'noble',
      },
    },
    {
      fixture: 'debian-11.2',
      keys: 9,
      expected: {
        NAME: 'Debian GNU/Linux',
        ID: 'debian',
        ID_LIKE: undefined,
        VERSION_ID: '11',
        VERSION: '11 (bullseye)',
        VERSION_CODENAME: 'bullseye',
      },
    },
    {
      fixture: 'fedora-35',
      keys: 19,
      expected: {
        NAME: 'Fedora Linux',
        ID: 'fedora',
        VERSION_ID: '35',
        VERSION: '35 (Thirty Five)',
        VERSION_CODENAME: '',
        ANSI_COLOR: '0;38;2;60;110;180',
        LOGO: 'fedora-logo-icon',
      },
    },
    {
      fixture: 'rhel-9.6',
      keys: 17,
      expected: {
        NAME: 'Red Hat Enterprise Linux',
        ID: 'rhel',
        ID_LIKE: 'fedora',
        VERSION_ID: '9.6',
        VERSION: '9.6 (Plow)',
        REDHAT_BUGZILLA_PRODUCT: 'Red Hat Enterprise Linux 9',
      },
    },
    {
      fixture: 'rocky-9.3',
      keys: 17,
      expected: {
        NAME: 'Rocky Linux',
        ID: 'rocky',
        ID_LIKE: 'rhel centos fedora',
        VERSION_ID: '9.3',
        SUPPORT_END: '2032-05-31',
      },
    },
    {
      fixture: 'centos-7.9',
      keys: 14,
      expected: {
        NAME: 'CentOS Linux',
        ID: 'centos',
        ID_LIKE: 'rhel fedora',
        VERSION_ID: '7',
        VERSION: '7 (Core)',
        CPE_NAME: 'cpe:/o:centos:centos:7',
      },
    },
    {
      fixture: 'alpine-3.23',
      keys: 6,
      expected: {
        NAME: 'Alpine Linux',
        ID: 'alpine',
        VERSION_ID: '3.23.2',
        VERSION: undefined,
        PRETTY_NAME: 'Alpine Linux v3.23',
        HOME_URL: 'https://alpinelinux.org/',
      },
    },
  ];

  it.each(machines)('reads $fixture: $keys variables', ({ fixture, keys, expected }) => {
    const variables = osRelease(fixture);

    expect(Object.keys(variables)).toHaveLength(keys);
    for (const [key, value] of Object.entries(expected)) {
      expect(variables[key], key).toBe(value);
    }
  });

  it('skips the blank lines inside the CentOS and RHEL files', () => {
    expect(osRelease('centos-7.9').CENTOS_MANTISBT_PROJECT).toBe('CentOS-7');
    expect(osRelease('rhel-9.6').REDHAT_SUPPORT_PRODUCT_VERSION).toBe('9.6');
  });

  // None of the recorded files has comments, escapes or single quotes; os-release(5) allows them.
  it('follows the shell quoting os-release(5) allows', () => {
    const text = [
      '# written by hand for this test',
      '  # an indented comment',
      'NAME="Example \\"Quoted\\" Linux"',
      "VARIANT='Server $HOME \\n'",
      'PRETTY_NAME="Costs \\$5, path C:\\\\x, tick \\`"',
      'BARE=two\\ words',
      'EMPTY=',
      'not an assignment',
      '',
    ].join('\n');

    expect(parseOsRelease(text)).toEqual({
      NAME: 'Example "Quoted" Linux',
      VARIANT: 'Server $HOME \\n',
      PRETTY_NAME: 'Costs $5, path C:\\x, tick `',
      BARE: 'two words',
      EMPTY: '',
    });
  });

  it('reads CRLF line ends as well', () => {
    expect(parseOsRelease('ID=alpine\r\nVERSION_ID=3.23.2\r\n')).toEqual({
      ID: 'alpine',
      VERSION_ID: '3.23.2',
    });
  });
});
