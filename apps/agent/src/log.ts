/**
 * One line per event on stderr, which systemd's journal, launchd's log file and a terminal all
 * take as they are: `2026-12-03T18:00:00.000Z info heartbeat.sent next=57s`. Values with spaces
 * are quoted. Callers never pass a token or secret; the state file is the only place they live.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface AgentLogger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function formatValue(value: string | number | boolean | null): string {
  const text = String(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

export function formatLogLine(level: LogLevel, event: string, fields: LogFields, at: Date): string {
  const pairs = Object.entries(fields)
    .filter((entry): entry is [string, string | number | boolean | null] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return [at.toISOString(), level, event, ...pairs].join(' ');
}

export function createLogger(
  options: { level?: LogLevel; write?: (line: string) => void } = {},
): AgentLogger {
  const threshold = order[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const at =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (order[level] >= threshold) write(formatLogLine(level, event, fields, new Date()));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** `CHAMADOS_AGENT_LOG_LEVEL`, when it names a level. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const value = env.CHAMADOS_AGENT_LOG_LEVEL;
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}
