// Base classes of the stack sub-generators (generators/<stack>/index.ts): StackGenerator (intake, template
// rendering, conflicts, the closing message) and NodeStackGenerator (Node templates, npm install).
//
// Run alone (`yo mvp-backend:express-drizzle --db sqlite`) it does the whole intake with backend tech
// fixed to itself; composed by the root generator it receives the resolved choices (option `intake`).
// It renders two template roots, in order: common/templates/node (shared), then the stack's own
// templates/ (a file there replaces the same output path from the shared root). See template-files.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendTech } from './choices.js';
import { IntakeGenerator } from './intake-generator.js';
import { nodeTemplateContext, type StackChoice } from './template-context.js';
import { planTemplateFiles, type PlannedFile } from './template-files.js';

/** common/templates/node, next to this module (sources) or its compiled copy (dist/common). */
export const SHARED_NODE_TEMPLATES = fileURLToPath(new URL('./templates/node', import.meta.url));
/** common/templates/every-stack: what every generated project carries whatever its language (the API contract). */
export const EVERY_STACK_TEMPLATES = fileURLToPath(new URL('./templates/every-stack', import.meta.url));

export class ConflictError extends Error {
  readonly files: string[];
  constructor(targetDir: string, files: string[]) {
    super(
      [
        `Stopped before writing anything: ${files.length} file(s) in ${targetDir} would be overwritten:`,
        ...files.map((file) => `  ${file}`),
        'Run again with --force to overwrite them, or choose another --target-dir.',
      ].join('\n'),
    );
    this.name = 'ConflictError';
    this.files = files;
  }
}

/** What every stack generator does; a language family supplies its template roots, context, install and next steps. */
export abstract class StackGenerator extends IntakeGenerator {
  /** The backend tech this generator builds, e.g. 'express-drizzle'. */
  abstract get stackId(): BackendTech;

  protected override fixedBackendTech(): BackendTech | undefined {
    return this.stackId;
  }

  /** Template roots, earliest first; later roots win. */
  abstract templateRoots(): string[];

  /** The values the templates see. */
  protected abstract templateContext(choice: StackChoice): object;

  /** The commands printed after "Next steps:" (`cd` is `cd <target> && ` or ''). */
  protected abstract nextSteps(cd: string, installSkipped: boolean): string[];

  /** The files this run writes (output paths relative to the target dir). */
  plannedFiles(): PlannedFile[] {
    return planTemplateFiles(this.templateRoots(), this.choices.db);
  }

  async writing(): Promise<void> {
    const { targetDir } = this.choices;
    const context = this.templateContext({
      backendTech: this.choices.backendTech,
      db: this.choices.db,
      auth: this.choices.auth,
      projectName: this.choices.projectName,
    });
    const planned = this.plannedFiles();
    for (const file of planned) {
      this.fs.copyTpl(file.source, path.join(targetDir, file.output), context, { noGlob: true });
    }

    // Non-interactive runs never reach Yeoman's conflict prompt: stop here, before anything is
    // committed to disk, when an existing file would change (unless --force).
    if (!this.isInteractive() && !this.force()) {
      const conflicting = planned
        .map((file) => file.output)
        .filter((output) => {
          const destination = path.join(targetDir, output);
          if (!existsSync(destination)) return false;
          const rendered = this.fs.read(destination, { raw: true });
          return !rendered || !Buffer.from(rendered).equals(readFileSync(destination));
        });
      if (conflicting.length > 0) throw new ConflictError(targetDir, conflicting);
    }
  }

  end(): void {
    const { targetDir } = this.choices;
    const relative = path.relative(process.cwd(), targetDir) || '.';
    const cd = relative === '.' ? '' : `cd ${/\s/.test(relative) ? JSON.stringify(relative) : relative} && `;
    const skipped = Boolean(this.options.skipInstall || this.options['skip-install']);
    this.log.ok(`Generated ${this.choices.projectName} (${this.choices.backendTech}, ${this.choices.db}, ${this.choices.auth}) in ${targetDir}`);
    this.log('');
    this.log('Next steps:');
    for (const line of this.nextSteps(cd, skipped)) this.log(`  ${line}`);
  }
}

export abstract class NodeStackGenerator extends StackGenerator {
  templateRoots(): string[] {
    return [EVERY_STACK_TEMPLATES, SHARED_NODE_TEMPLATES, this.templatePath()];
  }

  protected templateContext(choice: StackChoice): object {
    return nodeTemplateContext(choice);
  }

  protected nextSteps(cd: string, installSkipped: boolean): string[] {
    return [`${cd}${installSkipped ? 'npm install && ' : ''}npm run dev`, 'npm test'];
  }

  install(): void {
    const { targetDir } = this.choices;
    // The environment installs only in its cwd; the target dir usually differs, so watch it too.
    // --skip-install (ours, or the composing generator's) is honoured by the environment and here.
    const env = this.env as unknown as {
      watchForPackageManagerInstall?: (options: {
        cwd?: string;
        queueTask?: boolean;
        installTask?: (packageManager: string | undefined, defaultTask: () => Promise<boolean>) => Promise<boolean> | boolean;
      }) => void;
    };
    env.watchForPackageManagerInstall?.({
      cwd: targetDir,
      queueTask: true,
      installTask: async (_packageManager, defaultTask) => {
        if (this.options.skipInstall || this.options['skip-install']) {
          this.log.info(`Skipping npm install in ${targetDir} (--skip-install)`);
          return false;
        }
        return defaultTask();
      },
    });
  }
}
