// Security headers (helmet's defaults: nosniff, HSTS, frame and CSP policies) and CORS: the FRONTEND_URL
// origins, plus http://localhost:* in development (corsOriginAllowed, shared by every stack).
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { corsOriginAllowed } from '../lib/http.js';

const plugin: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(helmet);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, corsOriginAllowed(config, origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
    // An OPTIONS without Access-Control-Request-Method is not refused with a text/plain 400.
    strictPreflight: false,
  });
};

export const securityPlugin = fp(plugin, { name: 'security', fastify: '5.x' });
