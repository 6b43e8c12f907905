/**
 * Structured JSON logs, one object per line, with request ids. Every string field passes through
 * the personal-data masker, so a phone number typed by a citizen never reaches a log file.
 */
import { maskPersonalText } from './personal-data-masker.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` (e.g. a request id) to every line. */
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; defaults to stdout (errors to stderr). Tests pass a collector. */
  write?: (line: string, level: LogLevel) => void;
  base?: LogFields;
}

function maskValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: maskPersonalText(value.message) };
  if (Array.isArray(value)) return value.map((entry) => maskValue(entry, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) result[key] = maskValue(entry, depth + 1);
  return result;
}

const defaultWrite = (line: string, level: LogLevel) => {
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? defaultWrite;
  const base = options.base ?? {};
  const emit = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    const record = maskValue({ time: new Date().toISOString(), level, message, ...base, ...fields });
    write(JSON.stringify(record), level);
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}
