// `yo mvp-backend`: the intake (options, environment, intake file, .yo-rc.json, request, prompts,
// defaults), then the chosen stack sub-generator, composed by path.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendTech } from '../../common/choices.js';
import { IntakeGenerator } from '../../common/intake-generator.js';

/** generators/<stack>/index.<ext>, with this file's own extension (.ts in tests, .js from dist/). */
export function stackGeneratorPath(stack: BackendTech): string {
  const self = fileURLToPath(import.meta.url);
  return path.join(path.dirname(self), '..', stack, `index${path.extname(self)}`);
}

export default class AppGenerator extends IntakeGenerator {
  override async configuring(): Promise<void> {
    await super.configuring();
    const stackPath = stackGeneratorPath(this.choices.backendTech);
    if (!existsSync(stackPath)) {
      throw new Error(`${this.choices.backendTech} has no generator in this package (looked for ${stackPath})`);
    }
    const generatorOptions = {
      intake: { ...this.choices },
      destinationRoot: this.choices.projectRoot,
      skipInstall: Boolean(this.options.skipInstall || this.options['skip-install']),
      force: this.force(),
      // The stack generator must ask nothing either when we could not ask.
      interactive: this.isInteractive(),
    };
    await this.composeWith(stackPath, { generatorOptions });
  }
}
