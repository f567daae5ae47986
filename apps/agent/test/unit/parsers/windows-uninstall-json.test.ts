import { describe, expect, it } from 'vitest';
import { decodeCommandOutput } from '../../../src/inventory/parsers/decode.ts';
import {
  parseUninstallJson,
  uninstallPowerShellArgs,
  uninstallPowerShellScript,
} from '../../../src/inventory/parsers/windows-uninstall-json.ts';
import { readFixture } from './fixture.ts';

// Czech Windows, PowerShell 5.1: Get-ItemProperty over the 64-bit and WOW6432Node Uninstall keys
// piped to ConvertTo-Json and Out-File, so UTF-16LE. 191 objects: 9 all-null (keys without a
// DisplayName) and 8 products listed under both keys with the same name and version.
const czechWindows = decodeCommandOutput(
  readFixture('os/windows/ps51_Get-ItemProperty-Uninstall_ConvertTo-Json_utf16le.json'),
);

describe('parseUninstallJson', () => {
  it('lists 174 products from 191 registry entries on a Czech Windows machine', () => {
    const software = parseUninstallJson(czechWindows);

    expect(software).toHaveLength(174);
    expect(software[0]).toEqual({
      name: 'Android SDK Tools',
      version: '1.16',
      publisher: 'Google Inc.',
    });
    expect(software.at(-1)).toEqual({
      name: 'Windows SDK for Windows Store Apps DirectX x86 Remote',
      version: '10.1.15063.468',
      publisher: 'Microsoft Corporation',
    });
  });

  it('lists a product found under both the 64-bit and the 32-bit key once', () => {
    const azure = parseUninstallJson(czechWindows).filter((item) =>
      item.name.startsWith('Microsoft Azure Storage Emulator'),
    );

    expect(azure).toEqual([
      {
        name: 'Microsoft Azure Storage Emulator - v5.1',
        version: '5.1.1760.1722',
        publisher: 'Microsoft Corporation',
      },
    ]);
  });

  it('keeps non-ASCII names, trims padded ones and gives a missing version as empty', () => {
    const byName = new Map(parseUninstallJson(czechWindows).map((item) => [item.name, item]));

    expect(byName.get('Skype™ 7.39')?.version).toBe('7.39.102');
    expect(byName.get('Microsoft .NET Framework 4.7 SDK (čeština)')?.version).toBe('4.7.02046');
    expect(byName.get('Tools for .Net 3.5')?.version).toBe('3.11.50727');
    expect(byName.get('PilotEdit Lite 10.8.0')).toEqual({
      name: 'PilotEdit Lite 10.8.0',
      version: '',
      publisher: null,
    });
  });

  // ConvertTo-Json unwraps a one-element array; these inputs are written here to show that.
  it('accepts the lone object ConvertTo-Json writes for a single entry, and no output', () => {
    const single = '{"DisplayName":"7-Zip 23.01 (x64)","DisplayVersion":23.01,"Publisher":""}';

    expect(parseUninstallJson(single)).toEqual([
      { name: '7-Zip 23.01 (x64)', version: '23.01', publisher: null },
    ]);
    expect(parseUninstallJson('')).toEqual([]);
    expect(parseUninstallJson('[]')).toEqual([]);
  });
});

describe('uninstallPowerShellScript', () => {
  it('reads the machine keys in both views and the current user key', () => {
    expect(uninstallPowerShellScript).toContain(
      "'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'",
    );
    expect(uninstallPowerShellScript).toContain(
      "'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'",
    );
    expect(uninstallPowerShellScript).toContain(
      "'HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'",
    );
    expect(uninstallPowerShellScript).not.toContain('"');
  });

  it('travels to powershell.exe as a UTF-16LE base64 -EncodedCommand', () => {
    const [encoded] = uninstallPowerShellArgs.slice(-1);

    expect(uninstallPowerShellArgs.slice(0, -1)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-EncodedCommand',
    ]);
    expect(Buffer.from(encoded ?? '', 'base64').toString('utf16le')).toBe(
      uninstallPowerShellScript,
    );
  });
});
