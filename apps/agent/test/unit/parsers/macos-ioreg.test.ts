import { describe, expect, it } from 'vitest';
import {
  type IoregPlatform,
  parseIoregPlatform,
} from '../../../src/inventory/parsers/macos-ioreg.ts';
import { readFixture } from './fixture.ts';

describe('parseIoregPlatform', () => {
  const machines: { machine: string; fixture: string; expected: IoregPlatform }[] = [
    {
      machine: 'a MacBookPro12,1 (ioreg -rd1 -c IOPlatformExpertDevice)',
      fixture: 'glpi_ioreg_IOPlatformExpertDevice-2.txt',
      expected: {
        uuid: 'CE3A2773-AF9E-515B-918B-5EE5C09372D7',
        serial: 'C02QM3FSFVH8',
        model: 'MacBookPro12,1',
      },
    },
    {
      machine: 'a MacBook2,1 (ioreg -l tree with "| " prefixes, 461 nodes)',
      fixture: 'glpi_ioreg-l_IOPlatformExpertDevice_tree_macbook2,1.txt',
      expected: {
        uuid: '00000000-0000-1000-8000-001B633026B1',
        serial: 'W87305UMYA8',
        model: 'MacBook2,1',
      },
    },
  ];

  it.each(machines)('reads the identity of $machine', ({ fixture, expected }) => {
    const text = readFixture(`os/macos/${fixture}`).toString('utf8');

    expect(parseIoregPlatform(text)).toEqual(expected);
  });

  it('gives nulls when the output has no platform device', () => {
    const text = '+-o Root  <class IORegistryEntry, id 0x100000100, retain 13>\n';

    expect(parseIoregPlatform(text)).toEqual({ uuid: null, serial: null, model: null });
  });
});
