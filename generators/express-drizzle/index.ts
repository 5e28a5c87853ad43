// `yo mvp-backend:express-drizzle [--db sqlite]`: Express 5 + Drizzle ORM. Templates: ./templates
// (stack-specific) on top of common/templates/node (shared).
import type { BackendTech } from '../../common/choices.js';
import { NodeStackGenerator } from '../../common/node-stack-generator.js';

export default class ExpressDrizzleGenerator extends NodeStackGenerator {
  get stackId(): BackendTech {
    return 'express-drizzle';
  }
}
