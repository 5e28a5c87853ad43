// `yo mvp-backend:hono [--db sqlite]`: Hono 4 on Node (@hono/node-server), routes and OpenAPI from
// @hono/zod-openapi; with neon-postgres also an edge entry (src/edge.ts, Cloudflare Workers). Templates:
// ./templates (stack-specific) on top of common/templates/node (shared).
import type { BackendTech } from '../../common/choices.js';
import { NodeStackGenerator } from '../../common/node-stack-generator.js';

export default class HonoGenerator extends NodeStackGenerator {
  get stackId(): BackendTech {
    return 'hono';
  }
}
