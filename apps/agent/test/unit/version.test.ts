import { describe, expect, it } from 'vitest';
import { isPackagedBinary } from '../../src/version.ts';

// `agentVersion` is meant to equal the version in apps/agent/package.json, but that file has
// no `version` field yet, so there is nothing to compare it with.

describe('isPackagedBinary', () => {
  it('is false when the agent runs from its sources', () => {
    expect(isPackagedBinary()).toBe(false);
  });
});
