import { readFileSync } from 'node:fs';
import path from 'node:path';

/** This file is apps/agent/test/unit/parsers/fixture.ts. */
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

/**
 * Reads a recorded command output, byte for byte, from `test/fixtures/recorded` (real output
 * from other machines; its README says where each file comes from), e.g.
 * `os/linux/os-release_alpine-3.23`.
 */
export function readFixture(relativePath: string): Buffer {
  return readFileSync(path.join(repoRoot, 'test', 'fixtures', 'recorded', relativePath));
}

/** Reads an output recorded for the agent's own tests, from `apps/agent/test/fixtures`. */
export function readAgentFixture(name: string): Buffer {
  return readFileSync(path.join(repoRoot, 'apps', 'agent', 'test', 'fixtures', name));
}
