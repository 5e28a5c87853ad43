// Nest's own messages (start-up, route mapping) through the project's JSON logger: one format in the logs.
import type { LoggerService } from '@nestjs/common';
import type { Logger } from '../lib/logger.js';

const text = (message: unknown) => (typeof message === 'string' ? message : JSON.stringify(message));
const contextOf = (params: unknown[]) => (typeof params.at(-1) === 'string' ? { context: params.at(-1) } : {});

export class NestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  // Nest's start-up chatter ("Mapped {/api/reports, GET} route") is debug detail.
  log(message: unknown, ...params: unknown[]) {
    this.logger.debug(text(message), contextOf(params));
  }
  warn(message: unknown, ...params: unknown[]) {
    this.logger.warn(text(message), contextOf(params));
  }
  error(message: unknown, ...params: unknown[]) {
    this.logger.error(text(message), contextOf(params));
  }
  debug(message: unknown, ...params: unknown[]) {
    this.logger.debug(text(message), contextOf(params));
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.logger.debug(text(message), contextOf(params));
  }
}
