// `yo mvp-backend:fastify [--db sqlite]`: Fastify 5 + Drizzle ORM. Templates: ./templates
// (stack-specific) on top of common/templates/node (shared).
import type { BackendTech } from '../../common/choices.js';
import { NodeStackGenerator } from '../../common/node-stack-generator.js';

export default class FastifyGenerator extends NodeStackGenerator {
  get stackId(): BackendTech {
    return 'fastify';
  }
}
