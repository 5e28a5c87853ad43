// Shared by the root generator (generators/app) and every stack sub-generator: the options, the intake
// (reading its sources, prompting for what is open), the summary and saving the choices in .yo-rc.json.
import path from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import yosay from 'yosay';
import { z } from 'zod';
import { AVAILABLE, AUTH_MODES, BACKEND_TECHS, DATABASES, DEFAULTS, LABELS, type BackendTech } from './choices.js';
import {
  assertIntakeOk,
  CHOICE_FIELDS,
  DEFAULT_TARGET_DIR,
  GENERATOR_PACKAGE,
  INTAKE_FILE,
  IntakeError,
  readOption,
  REQUEST_FILE,
  resolveIntake,
  resolveProjectRoot,
  SAVED_CONFIG_FILE,
  toSavedConfig,
  type ChoiceField,
  type IntakeInput,
  type IntakeResult,
  type ResolvedChoices,
} from './intake.js';
import { packageInfo } from './package-info.js';

type Options = BaseOptions & Record<string, any>;
type Features = Record<string, any>;

/** Options every generator of this package accepts (kebab-case on the command line). */
export const INTAKE_OPTIONS = [
  { name: 'backend-tech', type: String, description: `Backend stack: ${BACKEND_TECHS.join(', ')} (available now: ${AVAILABLE.backendTech.join(', ')})` },
  { name: 'db', type: String, description: `Database: ${DATABASES.join(', ')} (available now: ${AVAILABLE.db.join(', ')})` },
  { name: 'auth', type: String, description: `Authentication: ${AUTH_MODES.join(', ')} (available now: ${AVAILABLE.auth.join(', ')})` },
  { name: 'target-dir', type: String, description: `Folder to generate into, relative to the project root (default: ${DEFAULT_TARGET_DIR})` },
  { name: 'project-root', type: String, description: 'Project root: where project-logs/, docs/ and .yo-rc.json live (default: the current folder)' },
  { name: 'request', type: String, description: `Free-text request, e.g. "B2B portal on SQLite" (default: MVP_REQUEST or ${REQUEST_FILE})` },
  { name: 'yes', type: Boolean, alias: 'y', description: 'Do not ask anything: use options, environment, intake file, request, then defaults' },
  { name: 'force', type: Boolean, description: 'Overwrite files that already exist in the target folder' },
] as const;

/** Choices handed from the root generator to a stack sub-generator (option `intake`). */
export const ResolvedChoicesSchema = z.object({
  backendTech: z.enum(BACKEND_TECHS),
  db: z.enum(DATABASES),
  auth: z.enum(AUTH_MODES),
  projectRoot: z.string().min(1),
  targetDir: z.string().min(1),
  projectName: z.string().min(1),
});

interface AdapterWithStdin {
  actualAdapter?: { stdin?: { isTTY?: boolean } };
  stdin?: { isTTY?: boolean };
}

const QUESTION_TEXT: Record<ChoiceField, string> = {
  backendTech: 'Which backend stack?',
  db: 'Which database?',
  auth: 'Which authentication?',
};
const VALUES: Record<ChoiceField, readonly string[]> = { backendTech: BACKEND_TECHS, db: DATABASES, auth: AUTH_MODES };

export abstract class IntakeGenerator extends Generator<Record<string, any>, Options, Features> {
  /** The resolved intake (undefined when the choices came ready-made from the root generator). */
  protected intake?: IntakeResult;
  /** The choices to generate. */
  protected choices!: ResolvedChoices;
  /** True when the root generator handed us the choices: no intake, no prompts, no saving. */
  protected presetChoices = false;

  constructor(args?: string[], options?: Options, features?: Features) {
    super(args ?? [], options ?? ({} as Options), { ...features, inheritTasks: true });
    for (const { name, ...spec } of INTAKE_OPTIONS) this.option(name, { ...spec });
    this.option('interactive', { type: Boolean, hide: true, description: 'Force (or with --no-interactive, forbid) prompts' });
    this.option('intake', { type: (value: unknown) => value, hide: true, description: 'Resolved choices (internal)' });
  }

  /** A stack sub-generator fixes backend tech to itself. */
  protected fixedBackendTech(): BackendTech | undefined {
    return undefined;
  }

  /** Prompts only when stdin is a terminal and --yes was not given (--interactive/--no-interactive override). */
  protected isInteractive(): boolean {
    if (readOption(this.options, 'yes') === true) return false;
    const forced = readOption(this.options, 'interactive');
    if (typeof forced === 'boolean') return forced;
    const adapter = this.env.adapter as unknown as AdapterWithStdin;
    const stdin = adapter.actualAdapter?.stdin ?? adapter.stdin;
    return stdin?.isTTY === true;
  }

  /** True when another generator composed this one. */
  protected isComposed(): boolean {
    const root = (this.env as unknown as { rootGenerator?: () => unknown }).rootGenerator?.();
    return root !== undefined && root !== this;
  }

  protected force(): boolean {
    const conflicter = (this.env as unknown as { conflicterOptions?: { force?: boolean } }).conflicterOptions;
    return readOption(this.options, 'force') === true || conflicter?.force === true;
  }

  /** The generator-mvp-backend key of <project root>/.yo-rc.json. */
  protected savedConfig() {
    return this.createStorage(path.join(this.choices.projectRoot, SAVED_CONFIG_FILE), { name: GENERATOR_PACKAGE });
  }

  private readText(file: string): string | undefined {
    return this.fs.exists(file) ? (this.fs.read(file) ?? undefined) : undefined;
  }

  /** Reads the intake sources (files, environment) for the pure resolveIntake. */
  protected gatherIntakeInput(answers?: Record<string, unknown>): IntakeInput {
    const cwd = this.destinationRoot();
    const env = process.env;
    const projectRoot = resolveProjectRoot({ cwd, options: this.options, env }).path;
    const intakePath = path.join(projectRoot, INTAKE_FILE);
    const requestPath = path.join(projectRoot, REQUEST_FILE);
    const savedPath = path.join(projectRoot, SAVED_CONFIG_FILE);
    const intakeContent = this.readText(intakePath);
    const requestContent = this.readText(requestPath);
    let saved: IntakeInput['saved'];
    const savedContent = this.readText(savedPath);
    if (savedContent !== undefined && savedContent.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(savedContent);
      } catch (error) {
        throw new IntakeError([
          { kind: 'malformed-file', message: `${savedPath} is not valid JSON (${(error as Error).message}); fix or delete it` },
        ]);
      }
      const values = (parsed as Record<string, unknown> | null)?.[GENERATOR_PACKAGE];
      if (values && typeof values === 'object' && !Array.isArray(values)) {
        saved = { path: savedPath, values: values as Record<string, unknown> };
      }
    }
    return {
      cwd,
      generatorVersion: packageInfo().version,
      options: this.options,
      env: {
        BACKEND_TECH: env.BACKEND_TECH,
        DB: env.DB,
        AUTH: env.AUTH,
        TARGET_DIR: env.TARGET_DIR,
        PROJECT_ROOT: env.PROJECT_ROOT,
        MVP_REQUEST: env.MVP_REQUEST,
      },
      ...(intakeContent !== undefined ? { intakeFile: { path: intakePath, content: intakeContent } } : {}),
      ...(requestContent !== undefined ? { requestFile: { path: requestPath, content: requestContent } } : {}),
      ...(saved ? { saved } : {}),
      ...(answers ? { answers } : {}),
      ...(this.fixedBackendTech() ? { fixedBackendTech: this.fixedBackendTech() } : {}),
    };
  }

  // ------------------------------------------------------------------------------------------
  // Tasks (inherited by subclasses; a subclass overriding one calls super)

  async initializing(): Promise<void> {
    const preset = readOption(this.options, 'intake');
    if (preset !== undefined) {
      const parsed = ResolvedChoicesSchema.safeParse(preset);
      if (!parsed.success) throw new Error(`Invalid "intake" option handed to ${this._namespace}: ${parsed.error.message}`);
      this.choices = parsed.data;
      this.presetChoices = true;
      return;
    }
    this.intake = resolveIntake(this.gatherIntakeInput());
    assertIntakeOk(this.intake, { allowConflicts: this.isInteractive() });
    this.choices = this.intake.choices;
  }

  async prompting(): Promise<void> {
    if (this.presetChoices || !this.intake) return;
    const intake = this.intake;
    const conflicted = new Map(intake.conflicts.map((conflict) => [conflict.field, conflict]));
    const openChoices = CHOICE_FIELDS.filter((field) => intake.open.includes(field) || conflicted.has(field));

    if (!this.isInteractive()) {
      const defaulted = openChoices.map((field) => `${field === 'backendTech' ? 'backend-tech' : field} ${DEFAULTS[field]}`);
      if (defaulted.length > 0) {
        const why = readOption(this.options, 'yes') === true ? '--yes' : 'no terminal to ask in';
        this.log.info(`Using defaults (${why}): ${defaulted.join(', ')}`);
      }
      return;
    }

    if (!this.isComposed() || openChoices.length > 0) {
      this.log(yosay(`Welcome to ${GENERATOR_PACKAGE}!\nLet's pick your backend.`));
    }
    if (openChoices.length === 0) return;

    for (const conflict of conflicted.values()) this.log.info(conflict.message);
    const questions = openChoices.map((field) => {
      const conflict = conflicted.get(field);
      const available = AVAILABLE[field] as readonly string[];
      const preferred = conflict?.values.map((item) => item.value).find((value) => available.includes(value));
      return {
        type: 'select' as const,
        name: field as string,
        message: QUESTION_TEXT[field],
        default: preferred ?? DEFAULTS[field],
        choices: VALUES[field].map((value) => ({
          name: `${LABELS[value as keyof typeof LABELS]}${conflict?.values.some((item) => item.value === value) ? ' (named in the request)' : ''}`,
          value,
          disabled: available.includes(value) ? false : 'not available yet',
        })),
      };
    });
    // Ask for the target folder only while we are asking anyway (settled runs stay silent).
    const askTarget = intake.open.includes('targetDir');
    const answers: Record<string, unknown> = await this.prompt<Record<string, unknown>>([
      ...questions,
      ...(askTarget
        ? [{ type: 'input' as const, name: 'targetDir' as string, message: 'Folder to generate into (relative to the project root)?', default: DEFAULT_TARGET_DIR }]
        : []),
    ]);
    this.intake = resolveIntake(this.gatherIntakeInput(answers));
    assertIntakeOk(this.intake);
    this.choices = this.intake.choices;
  }

  async configuring(): Promise<void> {
    if (this.presetChoices || !this.intake) return;
    this.log.info('Choices:');
    for (const line of this.intake.explanation) this.log(`  ${line}`);
    this.log.info(`Same run without questions:\n  ${this.intake.command}`);
    // .yo-rc.json lives in the project root; re-runs and sub-generators run from there find it.
    if (path.resolve(this.destinationRoot()) !== path.resolve(this.choices.projectRoot)) {
      this.destinationRoot(this.choices.projectRoot);
    }
    this.savedConfig().set(toSavedConfig(this.choices));
  }
}
