// `yo mvp-backend:nest [--db sqlite]`: NestJS 11 on Express, over the shared Node templates (Drizzle,
// services, handlers, operations). Templates: ./templates (Nest's own modules, guards, pipes, filter).
import type { BackendTech } from '../../common/choices.js';
import { NodeStackGenerator } from '../../common/node-stack-generator.js';

export default class NestGenerator extends NodeStackGenerator {
  get stackId(): BackendTech {
    return 'nest';
  }
}
