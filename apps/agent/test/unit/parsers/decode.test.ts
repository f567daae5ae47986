import { describe, expect, it } from 'vitest';
import { decodeCommandOutput } from '../../../src/inventory/parsers/decode.ts';
import { readFixture } from './fixture.ts';

describe('decodeCommandOutput', () => {
  it('reads the UTF-16LE file wmic /OUTPUT wrote on a Proxmox VM, BOM gone and CRLF as \\n', () => {
    const text = decodeCommandOutput(readFixture('os/windows/glpi_wmic_proxmox-Win32_Bios.txt'));

    expect(text.startsWith('\n\nBiosCharacteristics=\n')).toBe(true);
    expect(text).toContain('\nVersion=BOCHS  - 1\n');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\uFEFF');
  });

  it('keeps the Czech and trademark characters of a PowerShell 5.1 Out-File', () => {
    const bytes = readFixture(
      'os/windows/ps51_Get-ItemProperty-Uninstall_ConvertTo-Json_utf16le.json',
    );
    const text = decodeCommandOutput(bytes);

    expect(text.startsWith('[\n    {\n        "DisplayName":  "Android SDK Tools",')).toBe(true);
    expect(text).toContain('"Microsoft .NET Framework 4.7 SDK (čeština)"');
    expect(text).toContain('"Skype™ 7.39"');
  });

  it('passes plain UTF-8 with LF through unchanged', () => {
    const bytes = readFixture('os/macos/glpi_SPApplicationsDataType_sample4.txt');

    expect(decodeCommandOutput(bytes)).toBe(bytes.toString('utf8'));
  });

  // No recorded file has these two forms, so the bytes are written out here.
  it('drops the UTF-8 BOM PowerShell emits once its console encoding is UTF-8', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('[]\r\n')]);

    expect(decodeCommandOutput(bytes)).toBe('[]\n');
  });

  it('turns the \\r\\r\\n that wmic writes to a pipe into one line end', () => {
    const bytes = Buffer.from('\r\r\nSerialNumber=\r\r\nVersion=BOCHS  - 1\r\r\n', 'latin1');

    expect(decodeCommandOutput(bytes)).toBe('\nSerialNumber=\nVersion=BOCHS  - 1\n');
  });
});
