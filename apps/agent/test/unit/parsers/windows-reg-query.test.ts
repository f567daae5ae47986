import { describe, expect, it } from 'vitest';
import {
  parseRegQuery,
  parseRegQueryUninstall,
} from '../../../src/inventory/parsers/windows-reg-query.ts';
import { readFixture } from './fixture.ts';

// The tail of `reg query HKLM\…\Uninstall /s`: thirteen legacy keys without a DisplayName, then the
// MSI entries of .NET Host 5.0.7 and WinAppDriver, both marked SystemComponent.
const uninstall = readFixture(
  'os/windows/reg-query_Uninstall_s_appium-windows-driver.txt',
).toString('utf8');

const uninstallKey = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const netHost = `${uninstallKey}\\{12B6D916-FD64-471C-8EF7-C04443A75F8D}`;

describe('parseRegQuery', () => {
  it('reads every key, including the ones printed without values', () => {
    const keys = parseRegQuery(uninstall);

    expect(keys).toHaveLength(15);
    expect(keys[0]).toEqual({
      path: `${uninstallKey}\\AddressBook`,
      values: {},
    });
    expect(keys[1]?.values).toEqual({ SystemComponent: '0x1' });
  });

  it('reads data with spaces and backslashes, DWORDs as 0x…, and empty values as empty', () => {
    const key = parseRegQuery(uninstall).find((candidate) => candidate.path === netHost);

    expect(Object.keys(key?.values ?? {})).toHaveLength(25);
    expect(key?.values).toMatchObject({
      DisplayName: 'Microsoft .NET Host - 5.0.7 (x64)',
      DisplayVersion: '40.28.30105',
      Publisher: 'Microsoft Corporation',
      InstallSource:
        'C:\\ProgramData\\Package Cache\\{12B6D916-FD64-471C-8EF7-C04443A75F8D}v40.28.30105\\',
      ModifyPath: 'MsiExec.exe /X{12B6D916-FD64-471C-8EF7-C04443A75F8D}',
      EstimatedSize: '0x16c',
      Comments: '',
      URLUpdateInfo: '',
    });
  });
});

describe('parseRegQueryUninstall', () => {
  it('hides the SystemComponent MSIs, as Programs and Features does', () => {
    expect(parseRegQueryUninstall(uninstall)).toEqual([]);
  });

  it('lists the same two products once they are not marked SystemComponent', () => {
    const visible = uninstall.replace(/^ {4}SystemComponent .*\n/gm, '');

    expect(parseRegQueryUninstall(visible)).toEqual([
      {
        name: 'Microsoft .NET Host - 5.0.7 (x64)',
        version: '40.28.30105',
        publisher: 'Microsoft Corporation',
      },
      {
        name: 'Windows Application Driver',
        version: '1.2.99.0',
        publisher: 'Microsoft Corporation',
      },
    ]);
  });

  it('reads reg.exe CRLF line ends, skips updates of another entry and lists a repeat once', () => {
    const visible = uninstall.replace(/^ {4}SystemComponent .*\n/gm, '');
    const update = [
      `${uninstallKey}\\KB0000001`,
      '    DisplayName    REG_SZ    Update for Windows Application Driver',
      '    ParentKeyName    REG_SZ    WinAppDriver',
      '',
    ].join('\n');
    const text = `${visible}\n${update}\n${visible}`.replace(/\n/g, '\r\n');

    expect(parseRegQueryUninstall(text).map((item) => item.name)).toEqual([
      'Microsoft .NET Host - 5.0.7 (x64)',
      'Windows Application Driver',
    ]);
  });
});
