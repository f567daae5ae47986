import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentVersion, isPackagedBinary } from '../../src/version.ts';

describe('the agent version', () => {
  it('is the version in the package manifest', () => {
    const manifest = path.resolve(import.meta.dirname, '../../package.json');
    expect(agentVersion).toBe(JSON.parse(readFileSync(manifest, 'utf8')).version);
  });
});

describe('isPackagedBinary', () => {
  it('is false when the agent runs from its sources', () => {
    expect(isPackagedBinary()).toBe(false);
  });
});
