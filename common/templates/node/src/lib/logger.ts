// One JSON line per event on stdout (stderr for warn and error), at LOG_LEVEL and above. It never logs
// headers or bodies, so tokens, keys and report contents stay out of the logs.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;
type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

export function createLogger(level: LogLevel): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields: Fields = {}) => {
    if (LEVELS[at] < LEVELS[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields });
    (LEVELS[at] >= LEVELS.warn ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** An error as a log field: name, message and stack, never the objects it carries. */
export const errorFields = (error: unknown) =>
  error instanceof Error ? { error: error.name, detail: error.message, stack: error.stack } : { error: String(error) };
