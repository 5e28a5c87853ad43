// Everything a request handler needs, built once at start.
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { clerkVerifier, type TokenVerifier } from './auth.js';
import { createGemini, type Analyzer } from './gemini.js';

export interface Services {
  config: Config;
  database: Database;
  db: Db;
  verifyToken: TokenVerifier | null;
  gemini: Analyzer | null;
}

export function createServices(config: Config, database: Database): Services {
  return { config, database, db: database.db, verifyToken: clerkVerifier(config), gemini: createGemini(config) };
}
