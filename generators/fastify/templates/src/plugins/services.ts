// `app.services`: the domain services, shared with every plugin and route (hence fastify-plugin: a plain
// plugin's decorator would stay inside its own encapsulation context).
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Services } from '../services/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

const plugin: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.decorate('services', services);
};

export const servicesPlugin = fp(plugin, { name: 'services', fastify: '5.x' });
