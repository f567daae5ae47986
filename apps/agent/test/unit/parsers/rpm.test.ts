import { describe, expect, it } from 'vitest';
import { parseRpmQuery, rpmQueryArgs } from '../../../src/inventory/parsers/rpm.ts';
import { readFixture } from './fixture.ts';

const centos7 = readFixture('os/linux/ohai_rpm-qa-qf_centos7.txt').toString('utf8');

describe('rpmQueryArgs', () => {
  it('asks for the columns the CentOS 7 recording was made with', () => {
    expect(rpmQueryArgs).toEqual([
      '-qa',
      '--queryformat',
      '%{NAME}\\t%|EPOCH?{%{EPOCH}}:{0}|\\t%{VERSION}\\t%{RELEASE}\\t%{INSTALLTIME}\\t%{ARCH}\\n',
    ]);
  });
});

describe('parseRpmQuery', () => {
  it('lists the packages of a CentOS 7 machine as version-release', () => {
    expect(parseRpmQuery(centos7)).toEqual([
      { name: 'centos-release', version: '7-2.1511.el7.centos.2.10', publisher: null },
      { name: 'tzdata', version: '2016d-1.el7', publisher: null },
      { name: 'nss-softokn-freebl', version: '3.16.2.3-14.2.el7_2', publisher: null },
      { name: 'glibc', version: '2.17-106.el7_2.6', publisher: null },
      { name: 'libstdc++', version: '4.8.5-4.el7', publisher: null },
    ]);
  });

  it('skips the two kernel lines of that recording, which hold spaces instead of TABs', () => {
    const lines = centos7.split('\n').filter((line) => line.startsWith('kernel'));

    expect(lines).toHaveLength(2);
    expect(parseRpmQuery(lines.join('\n'))).toEqual([]);
  });

  // The recording has no package with an epoch and no signing key; these lines are hand-written.
  it('prefixes the epoch when there is one and leaves out gpg-pubkey', () => {
    const text = [
      'perl\t4\t5.16.3\t299.el7_9\t1463486700\tx86_64',
      'bash\t(none)\t4.2.46\t34.el7\t1463486701\tx86_64',
      'gpg-pubkey\t0\tf4a80eb5\t53a7ff4b\t1463486702\t(none)',
      '',
    ].join('\n');

    expect(parseRpmQuery(text)).toEqual([
      { name: 'perl', version: '4:5.16.3-299.el7_9', publisher: null },
      { name: 'bash', version: '4.2.46-34.el7', publisher: null },
    ]);
  });
});
