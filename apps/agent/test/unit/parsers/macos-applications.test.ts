import { describe, expect, it } from 'vitest';
import {
  parseSystemProfilerApplications,
  parseSystemProfilerApplicationsJson,
} from '../../../src/inventory/parsers/macos-applications.ts';
import { readFixture } from './fixture.ts';

// An Apple-silicon Mac in French, 2024: 367 bundles, 262 obtained from Apple, 57 from identified
// developers, 6 from the App Store and 42 unknown (helpers, scripts, 32-bit leftovers).
const frenchMac = readFixture('os/macos/glpi_SPApplicationsDataType_sample4.txt').toString('utf8');

describe('parseSystemProfilerApplications', () => {
  it('lists the 367 bundles of a French Mac, in the order printed', () => {
    const software = parseSystemProfilerApplications(frenchMac);

    expect(software).toHaveLength(367);
    expect(software[0]).toEqual({ name: 'XProtect', version: '131', publisher: 'Apple' });
    expect(software.at(-1)).toEqual({
      name: 'XCPreviewAgent',
      version: '13.3',
      publisher: 'Apple',
    });
    expect(software.filter((item) => item.version === '')).toHaveLength(6);
  });

  const apps: { name: string; version: string; publisher: string | null; why: string }[] = [
    {
      name: 'Microsoft OneNote',
      version: '16.84',
      publisher: 'Microsoft Corporation',
      why: 'the Developer ID certificate, without its team ID',
    },
    {
      name: 'Adobe Acrobat Reader',
      version: '24.002.20687',
      publisher: 'Adobe Inc.',
      why: 'the Developer ID certificate, without its team ID',
    },
    {
      name: 'XMind',
      version: '8_Update_1',
      publisher: 'XMind Ltd.',
      why: 'an older Developer ID certificate with no team ID',
    },
    {
      name: 'Safari',
      version: '17.4.1',
      publisher: 'Apple',
      why: 'obtained from Apple and signed by "Software Signing"',
    },
    {
      name: 'Pages',
      version: '6.2',
      publisher: null,
      why: 'from the App Store, re-signed by Apple: the developer is not named',
    },
    {
      name: 'com.apple.ctcategories',
      version: '',
      publisher: null,
      why: 'unknown origin, unsigned, no version',
    },
    {
      name: 'Échecs',
      version: '3.18',
      publisher: 'Apple',
      why: 'a name printed decomposed (E + U+0301), read as NFC',
    },
  ];

  it.each(apps)('reads $name $version: publisher from $why', ({ name, version, publisher }) => {
    const found = parseSystemProfilerApplications(frenchMac).filter((item) => item.name === name);

    expect(found).toEqual([{ name, version, publisher }]);
  });

  it('names a publisher for every signed app except the App Store ones', () => {
    const counts = new Map<string | null, number>();
    for (const { publisher } of parseSystemProfilerApplications(frenchMac)) {
      counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
    }

    expect(counts.get('Apple')).toBe(262);
    expect(counts.get('HP Inc.')).toBe(14);
    expect(counts.get('Microsoft Corporation')).toBe(8);
    expect(counts.get(null)).toBe(6 + 42);
  });

  it('keeps an app found at two locations twice', () => {
    const installers = parseSystemProfilerApplications(frenchMac).filter(
      (item) => item.name === 'Adobe AIR Application Installer',
    );

    expect(installers).toEqual([
      { name: 'Adobe AIR Application Installer', version: '1.5.3', publisher: null },
      { name: 'Adobe AIR Application Installer', version: '1.5.3', publisher: null },
    ]);
  });
});

describe('parseSystemProfilerApplicationsJson', () => {
  // Hand-written in the shape of `system_profiler SPApplicationsDataType -json`: no real dump of
  // the JSON form was available to record.
  const handWritten = JSON.stringify({
    SPApplicationsDataType: [
      {
        _name: 'Microsoft Word',
        version: '16.79.2',
        obtained_from: 'identified_developer',
        signed_by: [
          'Developer ID Application: Microsoft Corporation (UBF8T346G9)',
          'Developer ID Certification Authority',
          'Apple Root CA',
        ],
      },
      {
        _name: 'Safari',
        version: '17.4.1',
        obtained_from: 'apple',
        signed_by: [
          'Software Signing',
          'Apple Code Signing Certification Authority',
          'Apple Root CA',
        ],
      },
      { _name: 'Pages', version: '6.2', obtained_from: 'mac_app_store', signed_by: [] },
      { _name: 'E\u0301checs', obtained_from: 'unknown' },
      { version: '1.0' },
    ],
  });

  it('reads the same fields as the text form', () => {
    expect(parseSystemProfilerApplicationsJson(handWritten)).toEqual([
      { name: 'Microsoft Word', version: '16.79.2', publisher: 'Microsoft Corporation' },
      { name: 'Safari', version: '17.4.1', publisher: 'Apple' },
      { name: 'Pages', version: '6.2', publisher: null },
      { name: 'Échecs', version: '', publisher: null },
    ]);
  });

  it('gives nothing for JSON without the applications data type', () => {
    expect(parseSystemProfilerApplicationsJson('{}')).toEqual([]);
  });
});
