import { describe, expect, it } from 'vitest';
import { parseHardwareOverviewJson } from '../../../src/inventory/parsers/macos-hardware-json.ts';
import { readFixture } from './fixture.ts';

describe('parseHardwareOverviewJson', () => {
  it('reads an Apple-silicon macOS VM (VirtualMac2,1)', () => {
    const text = readFixture('os/macos/SPHardwareDataType_json_anka-vm-VirtualMac2,1.json');

    expect(parseHardwareOverviewJson(text.toString('utf8'))).toEqual({
      model: 'VirtualMac2,1',
      modelName: 'Mac',
      serial: 'ZNNF3941VQ',
      platformUuid: 'E465E3CB-0162-5E0E-9CEA-FED57C72BE74',
      chip: null,
      memoryBytes: 14 * 1024 ** 3,
      cores: 6,
      performanceCores: null,
      efficiencyCores: null,
    });
  });

  // No recorded physical Apple-silicon or Intel JSON was available; these are hand-written in
  // the shapes system_profiler uses there.
  it('splits "proc 8:4:4" into performance and efficiency cores on Apple silicon', () => {
    const text = JSON.stringify({
      SPHardwareDataType: [
        {
          _name: 'hardware_overview',
          chip_type: 'Apple M1',
          machine_model: 'MacBookAir10,1',
          number_processors: 'proc 8:4:4',
          physical_memory: '8 GB',
        },
      ],
    });

    expect(parseHardwareOverviewJson(text)).toMatchObject({
      chip: 'Apple M1',
      memoryBytes: 8_589_934_592,
      cores: 8,
      performanceCores: 4,
      efficiencyCores: 4,
    });
  });

  it('takes the CPU name from cpu_type on an Intel Mac', () => {
    const text = JSON.stringify({
      SPHardwareDataType: [
        { cpu_type: 'Quad-Core Intel Core i7', number_processors: 4, physical_memory: '512 MB' },
      ],
    });

    expect(parseHardwareOverviewJson(text)).toMatchObject({
      chip: 'Quad-Core Intel Core i7',
      memoryBytes: 512 * 1024 ** 2,
      cores: 4,
    });
  });

  it('gives nulls for JSON without a hardware overview', () => {
    expect(parseHardwareOverviewJson('{"SPHardwareDataType":[]}')).toEqual({
      model: null,
      modelName: null,
      serial: null,
      platformUuid: null,
      chip: null,
      memoryBytes: null,
      cores: null,
      performanceCores: null,
      efficiencyCores: null,
    });
  });
});
