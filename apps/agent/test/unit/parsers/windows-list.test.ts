import { describe, expect, it } from 'vitest';
import { decodeCommandOutput } from '../../../src/inventory/parsers/decode.ts';
import { parseWmiList } from '../../../src/inventory/parsers/windows-list.ts';
import { readFixture } from './fixture.ts';

function wmiList(name: string): Record<string, string>[] {
  return parseWmiList(decodeCommandOutput(readFixture(`os/windows/${name}`)));
}

describe('parseWmiList', () => {
  describe('on wmic /FORMAT:list output (Key=Value)', () => {
    const machines: {
      machine: string;
      fixture: string;
      keys: number;
      expected: Record<string, string>;
    }[] = [
      {
        machine: 'a Proxmox VM, whose BIOS has no serial number',
        fixture: 'glpi_wmic_proxmox-Win32_Bios.txt',
        keys: 31,
        expected: {
          SerialNumber: '',
          Manufacturer: '',
          Version: 'BOCHS  - 1',
          BIOSVersion: '{"BOCHS  - 1"}',
          ReleaseDate: '20140401000000.000000+000',
          SMBIOSPresent: 'FALSE',
        },
      },
      {
        machine: 'a Lenovo ThinkPad on Windows 11 with an Azure AD user',
        fixture: 'glpi_wmic_win11-Win32_ComputerSystem.txt',
        keys: 64,
        expected: {
          Manufacturer: 'LENOVO',
          Model: '20TBS57S00',
          SystemFamily: 'ThinkPad E14 Gen 2',
          SystemSKUNumber: 'LENOVO_MT_20TB_BU_Think_FM_ThinkPad E14 Gen 2',
          TotalPhysicalMemory: '16863318016',
          UserName: 'AzureAD\\JohnDoe',
          Roles: '{"LM_Workstation","LM_Server","NT"}',
        },
      },
      {
        machine: 'a French Windows 7',
        fixture: 'glpi_wmic_win7-fr-Win32_OperatingSystem.txt',
        keys: 63,
        expected: {
          Caption: 'Microsoft Windows 7 Professionnel',
          Name: 'Microsoft Windows 7 Professionnel |C:\\Windows|\\Device\\Harddisk0\\Partition2',
          OSArchitecture: '32 bits',
          Version: '6.1.7600',
          InstallDate: '20130813153755.000000+120',
          MUILanguages: '{"fr-FR","en-US"}',
          CSDVersion: '',
        },
      },
      {
        machine: 'a Dell OptiPlex 3040 (wmic csproduct list full)',
        fixture: 'wmic_csproduct_list_full_dell-optiplex3040_issue.txt',
        keys: 7,
        expected: {
          IdentifyingNumber: '79K1JD2',
          Name: 'OptiPlex 3040',
          UUID: '4C4C4544-0039-4B10-8031-B7C04F4A4432',
          Vendor: 'Dell Inc.',
          SKUNumber: '',
          Version: '',
        },
      },
    ];

    it.each(machines)('reads one record from $machine', ({ fixture, keys, expected }) => {
      const records = wmiList(fixture);

      expect(records).toHaveLength(1);
      expect(Object.keys(records[0] ?? {})).toHaveLength(keys);
      expect(records[0]).toMatchObject(expected);
    });
  });

  describe('on PowerShell Get-WmiObject list output (Key : Value)', () => {
    const machines: {
      machine: string;
      fixture: string;
      baseboard: Record<string, string>;
      bios: Record<string, string>;
      product: Record<string, string>;
    }[] = [
      {
        machine: 'a Dell OptiPlex 790',
        fixture:
          'Get-WmiObject_Baseboard_Bios_ComputerSystemProduct_dell-optiplex790_meshcentral-4432.txt',
        baseboard: {
          Manufacturer: 'Dell Inc.',
          Model: '',
          Name: 'Base Board',
          SerialNumber: '/GZRxxxx/CNxxxxxxxxxxxx/',
          SKU: '',
          Product: '0HY9JP',
        },
        bios: {
          SMBIOSBIOSVersion: 'A22',
          Manufacturer: 'Dell Inc.',
          Name: 'Default System BIOS',
          SerialNumber: 'GZRxxxx',
          Version: 'DELL   - 6222004',
        },
        product: {
          IdentifyingNumber: 'GZRxxxx',
          Name: 'OptiPlex 790',
          Vendor: 'Dell Inc.',
          Version: '01',
          Caption: 'Computer System Product',
        },
      },
      {
        machine: 'an HP EliteDesk 800 G4',
        fixture:
          'Get-WmiObject_Baseboard_Bios_ComputerSystemProduct_hp-elitedesk_meshcentral-4432.txt',
        baseboard: {
          Manufacturer: 'HP',
          Model: '',
          Name: 'Base Board',
          SerialNumber: 'PGTXLxxxxxxxxx',
          SKU: '',
          Product: '83E1',
        },
        bios: {
          SMBIOSBIOSVersion: 'Q01 Ver. 02.04.01',
          Manufacturer: 'HP',
          Name: 'Default System BIOS',
          SerialNumber: 'CZCxxxxxxx',
          Version: 'HPQOEM - 0',
        },
        product: {
          IdentifyingNumber: 'CZCxxxxxxx',
          Name: 'HP EliteDesk 800 G4 SFF',
          Vendor: 'HP',
          Version: '',
          Caption: 'Computer System Product',
        },
      },
    ];

    it.each(machines)(
      'reads the baseboard, BIOS and product of $machine, skipping the echoed commands',
      ({ fixture, baseboard, bios, product }) => {
        expect(wmiList(fixture)).toEqual([baseboard, bios, product]);
      },
    );
  });
});
