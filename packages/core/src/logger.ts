import pino, { type Logger } from 'pino';
import type { Config } from './config/env.ts';

export type { Logger };

/**
 * Field names that may carry a credential anywhere in a log object. Redaction is the safety
 * net; the code's first rule is to never hand such values to the logger at all.
 */
const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'cookie',
  '*.cookie',
  'authorization',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'headers["x-fleet-secret"]',
];

/**
 * JSON lines in production; readable colour lines in development. Tests pass a `destination`
 * to read back what was logged.
 */
export function createLogger(
  config: Pick<Config, 'mode' | 'logLevel'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: { service: 'chamados' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (config.mode === 'development') {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, singleLine: true, ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(options);
}
