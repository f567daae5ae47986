import { describe, expect, it } from 'vitest';
import {
  createLogger,
  formatLogLine,
  type LogFields,
  type LogLevel,
  logLevelFromEnv,
} from '../../src/log.ts';

const at = new Date('2026-12-03T18:00:00.000Z');

describe('formatLogLine', () => {
  it('starts with the ISO time, the level and the event', () => {
    expect(formatLogLine('info', 'agent.started', {}, at)).toBe(
      '2026-12-03T18:00:00.000Z info agent.started',
    );
  });

  it('appends the fields as key=value pairs, in the order given', () => {
    const fields = { next: '57s', failures: 3, inventoryWanted: false, hash: null };

    expect(formatLogLine('warn', 'heartbeat.sent', fields, at).split(' ')).toEqual([
      '2026-12-03T18:00:00.000Z',
      'warn',
      'heartbeat.sent',
      'next=57s',
      'failures=3',
      'inventoryWanted=false',
      'hash=null',
    ]);
  });

  const values: { value: string; written: string }[] = [
    { value: 'plain', written: 'plain' },
    { value: 'https://example.org/api?x=1', written: '"https://example.org/api?x=1"' },
    { value: 'has spaces', written: '"has spaces"' },
    { value: 'tab\there', written: '"tab\\there"' },
    { value: 'two\nlines', written: '"two\\nlines"' },
    { value: 'say "hi"', written: '"say \\"hi\\""' },
    { value: 'a=b', written: '"a=b"' },
    { value: '', written: '""' },
  ];

  it.each(values)('writes the value $value as $written', ({ value, written }) => {
    expect(formatLogLine('error', 'e', { reason: value }, at)).toBe(
      `2026-12-03T18:00:00.000Z error e reason=${written}`,
    );
  });

  it('drops fields whose value is undefined', () => {
    const fields: LogFields = { kept: 1, dropped: undefined, alsoKept: 'yes' };

    expect(formatLogLine('debug', 'e', fields, at)).toBe(
      '2026-12-03T18:00:00.000Z debug e kept=1 alsoKept=yes',
    );
  });
});

describe('createLogger', () => {
  function recordingLogger(level?: LogLevel) {
    const lines: string[] = [];
    const logger = createLogger({ ...(level ? { level } : {}), write: (line) => lines.push(line) });
    logger.debug('at.debug');
    logger.info('at.info');
    logger.warn('at.warn');
    logger.error('at.error', { code: 5 });
    return lines;
  }

  /** The event of each written line: its third word. */
  const eventsOf = (lines: string[]) => lines.map((line) => line.split(' ')[2]);

  it.each([
    { level: 'debug', written: ['at.debug', 'at.info', 'at.warn', 'at.error'] },
    { level: 'info', written: ['at.info', 'at.warn', 'at.error'] },
    { level: 'warn', written: ['at.warn', 'at.error'] },
    { level: 'error', written: ['at.error'] },
  ] satisfies { level: LogLevel; written: string[] }[])(
    'at level $level writes $written',
    ({ level, written }) => {
      expect(eventsOf(recordingLogger(level))).toEqual(written);
    },
  );

  it('writes info and above when given no level', () => {
    expect(eventsOf(recordingLogger())).toEqual(['at.info', 'at.warn', 'at.error']);
  });

  it('writes whole formatted lines, stamped with the current time', () => {
    const lines = recordingLogger('error');

    expect(lines).toHaveLength(1);
    const [time, rest] = [lines[0]?.slice(0, 24), lines[0]?.slice(24)];
    expect(new Date(time ?? '').toISOString()).toBe(time);
    expect(rest).toBe(' error at.error code=5');
  });
});

describe('logLevelFromEnv', () => {
  it.each([
    { value: 'debug', level: 'debug' },
    { value: 'info', level: 'info' },
    { value: 'warn', level: 'warn' },
    { value: 'error', level: 'error' },
    { value: undefined, level: 'info' },
    { value: '', level: 'info' },
    { value: 'DEBUG', level: 'info' },
    { value: 'verbose', level: 'info' },
  ])('reads CHAMADOS_AGENT_LOG_LEVEL=$value as $level', ({ value, level }) => {
    const env = value === undefined ? {} : { CHAMADOS_AGENT_LOG_LEVEL: value };

    expect(logLevelFromEnv(env)).toBe(level);
  });
});
