// The intake: decide backend tech, database, auth, target dir and project name from every source,
// and say which source decided each. Pure: the caller reads files and the environment and passes
// their contents in; nothing here touches the disk or process.env.
//
// Sources, strongest first:
//   1. command-line options (--backend-tech, --db, --auth, --target-dir, --project-root, --request)
//   2. environment (BACKEND_TECH, DB, AUTH, TARGET_DIR, PROJECT_ROOT, MVP_REQUEST)
//   3. the intake file <project root>/project-logs/mvp/intake/latest.json
//   4. .yo-rc.json saved by an earlier run (re-runs reuse earlier answers)
//   5. the free-text request (--request, MVP_REQUEST or <project root>/docs/mvp/REQUEST.txt)
//   6. prompt answers (interactive runs; only asked for what 1-5 left open)
//   7. defaults
// A stack sub-generator run on its own fixes backend tech to itself (a different --backend-tech is an error).
import path from 'node:path';
import { z } from 'zod';
import {
  AUTH_MODES,
  AVAILABLE,
  BACKEND_TECHS,
  DATABASES,
  DEFAULTS,
  type AuthMode,
  type BackendTech,
  type Database,
} from './choices.js';
import { toNpmPackageName } from './project-name.js';

// ---------------------------------------------------------------------------------------------
// Constants and small types

export const GENERATOR_PACKAGE = 'generator-mvp-backend';
export const INTAKE_FILE = path.join('project-logs', 'mvp', 'intake', 'latest.json');
export const REQUEST_FILE = path.join('docs', 'mvp', 'REQUEST.txt');
export const SAVED_CONFIG_FILE = '.yo-rc.json';
export const DEFAULT_TARGET_DIR = 'server';

export const CHOICE_FIELDS = ['backendTech', 'db', 'auth'] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];
export type OpenField = ChoiceField | 'targetDir';

export interface ChoiceValues {
  backendTech: BackendTech;
  db: Database;
  auth: AuthMode;
}

const ALLOWED: { [K in ChoiceField]: readonly ChoiceValues[K][] } = {
  backendTech: BACKEND_TECHS,
  db: DATABASES,
  auth: AUTH_MODES,
};

/** Friendly spellings accepted from options, env, files and prompts. */
const ALIASES: { [K in ChoiceField]: Record<string, ChoiceValues[K]> } = {
  backendTech: {
    express: 'express-drizzle',
    'express-drizzle': 'express-drizzle',
    drizzle: 'express-drizzle',
    nestjs: 'nest',
    'nest.js': 'nest',
    'fast-api': 'fastapi',
  },
  db: {
    postgres: 'neon-postgres',
    postgresql: 'neon-postgres',
    neon: 'neon-postgres',
    pg: 'neon-postgres',
    mongo: 'mongodb',
    sqlite3: 'sqlite',
  },
  auth: {},
};

/** How each field is spelled on the command line, in the environment, the intake file and .yo-rc.json. */
export const FIELD_NAMES = {
  backendTech: { option: 'backend-tech', env: 'BACKEND_TECH', file: 'backend_tech', saved: 'backendTech' },
  db: { option: 'db', env: 'DB', file: 'db', saved: 'db' },
  auth: { option: 'auth', env: 'AUTH', file: 'auth', saved: 'auth' },
  targetDir: { option: 'target-dir', env: 'TARGET_DIR', file: 'target_dir', saved: 'targetDir' },
  projectName: { option: 'project-name', env: 'PROJECT_NAME', file: 'project_name', saved: 'projectName' },
  projectRoot: { option: 'project-root', env: 'PROJECT_ROOT', file: 'project_root', saved: 'projectRoot' },
  request: { option: 'request', env: 'MVP_REQUEST', file: 'request', saved: 'request' },
} as const;

export const SOURCE_KINDS = ['option', 'env', 'intake-file', 'saved', 'request', 'prompt', 'generator', 'cwd', 'default'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Zod schemas: input and output

const FileContent = z.object({ path: z.string().min(1), content: z.string() });

export const IntakeInputSchema = z.object({
  /** Where the run happens (the composing generator's destination root, or the shell's cwd). Absolute. */
  cwd: z.string().min(1),
  /** This package's version, for "not available yet in generator-mvp-backend <version>". */
  generatorVersion: z.string().default('0.0.0'),
  /** Generator options, kebab-case or camelCase keys (`backend-tech` or `backendTech`). */
  options: z.record(z.string(), z.unknown()).default({}),
  /** Environment variables (only the ones listed in FIELD_NAMES are read). */
  env: z.record(z.string(), z.string().optional()).default({}),
  /** Raw text of <project root>/project-logs/mvp/intake/latest.json, when it exists. */
  intakeFile: FileContent.optional(),
  /** Raw text of <project root>/docs/mvp/REQUEST.txt, when it exists. */
  requestFile: FileContent.optional(),
  /** Values saved in .yo-rc.json by an earlier run (the generator-mvp-backend key). */
  saved: z.object({ path: z.string().min(1), values: z.record(z.string(), z.unknown()) }).optional(),
  /** Prompt answers (camelCase keys: backendTech, db, auth, targetDir). */
  answers: z.record(z.string(), z.unknown()).optional(),
  /** Set by a stack sub-generator run on its own: backend tech is itself. */
  fixedBackendTech: z.enum(BACKEND_TECHS).optional(),
});
export type IntakeInput = z.input<typeof IntakeInputSchema>;

const DecisionSchema = z.object({
  value: z.string(),
  source: z.enum(SOURCE_KINDS),
  /** Where exactly: "--db", "environment variable DB", "project-logs/mvp/intake/latest.json", ... */
  label: z.string(),
  /** For the request: the words that decided it. */
  evidence: z.string().optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

const IssueSchema = z.object({
  kind: z.enum(['invalid-value', 'unavailable', 'malformed-file', 'fixed-mismatch']),
  field: z.string().optional(),
  message: z.string(),
});
export type IntakeIssue = z.infer<typeof IssueSchema>;

const ConflictSchema = z.object({
  field: z.enum(CHOICE_FIELDS),
  values: z.array(z.object({ value: z.string(), evidence: z.string() })).min(2),
  message: z.string(),
});
export type IntakeConflict = z.infer<typeof ConflictSchema>;

export const IntakeResultSchema = z.object({
  /** True when there are no errors and no conflicts: the choices can be used as they are. */
  ok: z.boolean(),
  choices: z.object({
    backendTech: z.enum(BACKEND_TECHS),
    db: z.enum(DATABASES),
    auth: z.enum(AUTH_MODES),
    projectRoot: z.string(),
    targetDir: z.string(),
    projectName: z.string(),
  }),
  decisions: z.object({
    backendTech: DecisionSchema,
    db: DecisionSchema,
    auth: DecisionSchema,
    projectRoot: DecisionSchema,
    targetDir: DecisionSchema,
    projectName: DecisionSchema,
  }),
  /** Choices decided by default only: prompt for these in interactive runs. */
  open: z.array(z.enum(['backendTech', 'db', 'auth', 'targetDir'])),
  conflicts: z.array(ConflictSchema),
  errors: z.array(IssueSchema),
  request: z.object({ text: z.string(), label: z.string() }).optional(),
  /** One line per choice: "db sqlite (from the request: "…sqlite…")". */
  explanation: z.array(z.string()),
  /** The same run without questions. */
  command: z.string(),
});
export type IntakeResult = z.infer<typeof IntakeResultSchema>;
export type ResolvedChoices = IntakeResult['choices'];

/** Thrown by assertIntakeOk; its message is meant for the user as it is. */
export class IntakeError extends Error {
  readonly issues: Array<IntakeIssue | IntakeConflict>;
  constructor(issues: Array<IntakeIssue | IntakeConflict>) {
    super(issues.map((issue) => issue.message).join('\n'));
    this.name = 'IntakeError';
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// Free-text request analysis

interface Rule<V extends string> {
  value: V;
  pattern: RegExp;
}

/** Frameworks named explicitly. */
const FRAMEWORK_RULES: Rule<BackendTech>[] = [
  { value: 'hono', pattern: /\bhono(?:\.?js)?\b/i },
  { value: 'fastapi', pattern: /\bfast[\s-]?api\b/i },
  { value: 'nest', pattern: /\bnest(?:\.?js)?\b/i },
  { value: 'fastify', pattern: /\bfastify\b/i },
  { value: 'express-drizzle', pattern: /\bexpress(?:\.?js)?\b/i },
];
/** Languages and libraries that imply a stack, weaker than a named framework. */
const LANGUAGE_RULES: Rule<BackendTech>[] = [
  { value: 'fastapi', pattern: /\b(?:python|django|flask|pydantic)\b/i },
  { value: 'express-drizzle', pattern: /\bdrizzle\b/i },
];
/** Generic product words; they lean to express-drizzle only when nothing above matched. */
const HINT_RULES: Rule<BackendTech>[] = [
  { value: 'express-drizzle', pattern: /\b(?:enterprise|portal|saas|b2b|clerk)\b/i },
];
const DB_RULES: Rule<Database>[] = [
  { value: 'mongodb', pattern: /\b(?:mongo(?:db)?|mongoose)\b/i },
  { value: 'sqlite', pattern: /\bsqlite3?\b/i },
  { value: 'neon-postgres', pattern: /\b(?:postgres(?:ql)?|postgre|neon)\b/i },
];
const AUTH_RULES: Rule<AuthMode>[] = [
  {
    value: 'jwt',
    pattern:
      /\bjwts?\b|\b(?:e-?mail|username)\s*(?:and|&|\+|\/|or)\s*passwords?\b|\blocal\s+(?:auth|authentication|login|accounts?)\b/i,
  },
  { value: 'clerk', pattern: /\bclerk\b/i },
];

export type RequestFinding<V extends string> =
  | { kind: 'pick'; value: V; evidence: string }
  | { kind: 'conflict'; values: Array<{ value: V; evidence: string }> };

export interface RequestAnalysis {
  backendTech?: RequestFinding<BackendTech>;
  db?: RequestFinding<Database>;
  auth?: RequestFinding<AuthMode>;
}

function excerpt(text: string, index: number, length: number): string {
  const radius = 24;
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

function matchTier<V extends string>(text: string, rules: Rule<V>[]): RequestFinding<V> | undefined {
  const found = new Map<V, string>();
  for (const rule of rules) {
    if (found.has(rule.value)) continue;
    const match = rule.pattern.exec(text);
    if (match) found.set(rule.value, excerpt(text, match.index, match[0].length));
  }
  if (found.size === 0) return undefined;
  const values = [...found].map(([value, evidence]) => ({ value, evidence }));
  if (values.length === 1) return { kind: 'pick', ...values[0]! };
  return { kind: 'conflict', values };
}

/** What the free text asks for. Never throws. Negations ("not Hono") are not understood. */
export function analyzeRequest(text: string): RequestAnalysis {
  const source = typeof text === 'string' ? text : '';
  const analysis: RequestAnalysis = {};
  const backendTech =
    matchTier(source, FRAMEWORK_RULES) ?? matchTier(source, LANGUAGE_RULES) ?? matchTier(source, HINT_RULES);
  if (backendTech) analysis.backendTech = backendTech;
  const db = matchTier(source, DB_RULES);
  if (db) analysis.db = db;
  const auth = matchTier(source, AUTH_RULES);
  if (auth) analysis.auth = auth;
  return analysis;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const kebabToCamel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An option by its kebab-case name, also accepting its camelCase spelling (commander and composeWith use that). */
export function readOption(options: Record<string, unknown>, kebab: string): unknown {
  const value = options[kebab];
  return value !== undefined && value !== null ? value : options[kebabToCamel(kebab)] ?? undefined;
}

function displayPath(file: string, projectRoot: string): string {
  const relative = path.relative(projectRoot, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Offset of the first JSON syntax error in `text` (text.length when the text just ends too early).
 * Node 20's JSON.parse does not always say where it failed, so find it ourselves.
 */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw at;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r\uFEFF'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(i);
      i++;
    }
  };
  const string = () => {
    if (text[i] !== '"') fail(i);
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fail(i);
      } else if (ch < ' ') fail(i);
      else i++;
    }
    fail(i);
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(i);
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail(i);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(i);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(i);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    return number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return Math.min(typeof offset === 'number' ? offset : text.length, text.length);
  }
}

function jsonErrorLocation(content: string, message: string): { line: number; column: number } {
  const lineCol = /line (\d+) column (\d+)/i.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/i.exec(message);
  const offset = position ? Math.min(Number(position[1]), content.length) : findJsonErrorOffset(content);
  const before = content.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

interface Candidate {
  source: SourceKind;
  label: string;
  /** How the label reads in an error about a value: "--db", "environment variable DB", "<file>: db". */
  errorLabel: string;
  raw: unknown;
}

type Normalized<F extends ChoiceField> = { ok: true; value: ChoiceValues[F] } | { ok: false; message: string } | undefined;

function normalizeChoice<F extends ChoiceField>(field: F, candidate: Candidate): Normalized<F> {
  const { raw, errorLabel } = candidate;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') {
    return { ok: false, message: `${errorLabel} must be text, one of: ${ALLOWED[field].join(', ')} (got ${typeof raw})` };
  }
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  const allowed = ALLOWED[field] as readonly string[];
  if (allowed.includes(text)) return { ok: true, value: text as ChoiceValues[F] };
  const alias = (ALIASES[field] as Record<string, ChoiceValues[F]>)[text];
  if (alias) return { ok: true, value: alias };
  return { ok: false, message: `${errorLabel} "${raw}" is not one of: ${allowed.join(', ')}` };
}

function textValue(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

// ---------------------------------------------------------------------------------------------
// Project root (needed before the files can be read)

export interface ProjectRootDecision {
  path: string;
  source: SourceKind;
  label: string;
}

/** --project-root, then PROJECT_ROOT, then cwd. Relative values are resolved against cwd. */
export function resolveProjectRoot(input: {
  cwd: string;
  options?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
}): ProjectRootDecision {
  const fromOption = textValue(readOption(input.options ?? {}, 'project-root'));
  if (fromOption) return { path: path.resolve(input.cwd, fromOption), source: 'option', label: '--project-root' };
  const fromEnv = textValue(input.env?.PROJECT_ROOT);
  if (fromEnv) return { path: path.resolve(input.cwd, fromEnv), source: 'env', label: 'environment variable PROJECT_ROOT' };
  return { path: path.resolve(input.cwd), source: 'cwd', label: 'the current folder' };
}

// ---------------------------------------------------------------------------------------------
// The intake

function describe(decision: Decision): string {
  switch (decision.source) {
    case 'request':
      return `from the request: "${decision.evidence ?? ''}"`;
    case 'default':
      return 'default';
    case 'prompt':
      return 'your answer';
    case 'generator':
      return decision.label;
    case 'saved':
      return `from ${decision.label}, saved by an earlier run`;
    default:
      return `from ${decision.label}`;
  }
}

export function resolveIntake(rawInput: IntakeInput): IntakeResult {
  const input = IntakeInputSchema.parse(rawInput);
  const errors: IntakeIssue[] = [];
  const conflicts: IntakeConflict[] = [];
  const { options, env } = input;

  // Project root
  const root = resolveProjectRoot({ cwd: input.cwd, options, env });
  const projectRoot = root.path;

  // Intake file
  let fileValues: Record<string, unknown> = {};
  let fileLabel = INTAKE_FILE;
  if (input.intakeFile) {
    fileLabel = displayPath(input.intakeFile.path, projectRoot);
    const { content } = input.intakeFile;
    if (content.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(content.replace(/^\uFEFF/, ''));
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          const found = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
          errors.push({ kind: 'malformed-file', message: `${fileLabel} must hold a JSON object, found ${found}` });
        } else {
          fileValues = parsed as Record<string, unknown>;
          for (const key of ['backend_tech', 'db', 'auth', 'target_dir', 'project_name']) {
            const value = fileValues[key];
            if (value !== undefined && value !== null && typeof value !== 'string') {
              errors.push({
                kind: 'malformed-file',
                field: key,
                message: `${fileLabel}: "${key}" must be a string (found ${Array.isArray(value) ? 'array' : typeof value})`,
              });
              delete fileValues[key];
            }
          }
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const { line, column } = jsonErrorLocation(content, message);
        const reason = message
          .replace(/\s*in JSON at position \d+.*$/is, '')
          .replace(/\s*\(line \d+ column \d+\)/i, '')
          .replace(/,\s.*is not valid JSON$/s, '');
        errors.push({
          kind: 'malformed-file',
          message: `${fileLabel} is not valid JSON (line ${line}, column ${column}): ${reason}`,
        });
      }
    }
  }

  // Saved config (.yo-rc.json)
  const savedValues = input.saved?.values ?? {};
  const savedLabel = input.saved ? displayPath(input.saved.path, projectRoot) : SAVED_CONFIG_FILE;

  // Free-text request: the strongest of --request, MVP_REQUEST, docs/mvp/REQUEST.txt
  let request: { text: string; label: string } | undefined;
  const requestOption = readOption(options, 'request');
  if (typeof requestOption === 'string' && requestOption.trim()) request = { text: requestOption, label: '--request' };
  else if (env.MVP_REQUEST?.trim()) request = { text: env.MVP_REQUEST, label: 'environment variable MVP_REQUEST' };
  else if (input.requestFile?.content.trim()) {
    request = { text: input.requestFile.content, label: displayPath(input.requestFile.path, projectRoot) };
  }
  const analysis = request ? analyzeRequest(request.text) : {};
  const answers = input.answers ?? {};

  // The three choices
  const decide = <F extends ChoiceField>(field: F): Decision => {
    const names = FIELD_NAMES[field];
    const candidates: Candidate[] = [
      { source: 'option', label: `--${names.option}`, errorLabel: `--${names.option}`, raw: readOption(options, names.option) },
      {
        source: 'env',
        label: `environment variable ${names.env}`,
        errorLabel: `environment variable ${names.env}`,
        raw: env[names.env],
      },
      { source: 'intake-file', label: fileLabel, errorLabel: `${fileLabel}: ${names.file}`, raw: fileValues[names.file] },
      { source: 'saved', label: savedLabel, errorLabel: `${savedLabel}: ${names.saved}`, raw: savedValues[names.saved] },
    ];
    let chosen: Decision | undefined;
    // Validate every explicit source, even the ones a stronger source overrides: a bad value is a mistake to report.
    for (const candidate of candidates) {
      const normalized = normalizeChoice(field, candidate);
      if (!normalized) continue;
      if (!normalized.ok) {
        errors.push({ kind: 'invalid-value', field, message: normalized.message });
        continue;
      }
      chosen ??= { value: normalized.value, source: candidate.source, label: candidate.label };
    }

    if (field === 'backendTech' && input.fixedBackendTech) {
      const fixed = input.fixedBackendTech;
      if (chosen?.source === 'option' && chosen.value !== fixed) {
        errors.push({
          kind: 'fixed-mismatch',
          field,
          message: `--backend-tech ${chosen.value} does not match this generator (mvp-backend:${fixed}); run "yo mvp-backend --backend-tech ${chosen.value}" instead`,
        });
      }
      return { value: fixed, source: 'generator', label: `fixed by the mvp-backend:${fixed} generator` };
    }
    if (chosen) return chosen;

    const finding = analysis[field];
    const answer = normalizeChoice(field, { source: 'prompt', label: 'prompt', errorLabel: `answer for ${names.option}`, raw: answers[field] });
    if (answer && !answer.ok) errors.push({ kind: 'invalid-value', field, message: answer.message });
    if (finding?.kind === 'pick') {
      return { value: finding.value, source: 'request', label: request!.label, evidence: finding.evidence };
    }
    if (answer?.ok) return { value: answer.value, source: 'prompt', label: 'prompt' };
    if (finding?.kind === 'conflict') {
      const what = field === 'backendTech' ? 'framework' : field === 'db' ? 'database' : 'auth mode';
      const list = finding.values.map((item) => `${item.value} ("${item.evidence}")`).join(' and ');
      conflicts.push({
        field,
        values: finding.values,
        message: `The request (${request!.label}) names more than one ${what}: ${list}. Choose one with --${names.option}.`,
      });
    }
    return { value: DEFAULTS[field], source: 'default', label: 'default' };
  };

  const decisions = {
    backendTech: decide('backendTech'),
    db: decide('db'),
    auth: decide('auth'),
  };

  // Not available yet: only the value that was actually chosen matters.
  for (const field of CHOICE_FIELDS) {
    const decision = decisions[field];
    if (errors.some((issue) => issue.field === field && issue.kind !== 'unavailable')) continue;
    const available = AVAILABLE[field] as readonly string[];
    if (!available.includes(decision.value)) {
      const why = decision.source === 'option' ? '' : `; chosen ${describe(decision)}`;
      errors.push({
        kind: 'unavailable',
        field,
        message: `${decision.value} is not available yet in ${GENERATOR_PACKAGE} ${input.generatorVersion} (available: ${available.join(', ')})${why}`,
      });
    }
  }

  // Target dir
  const targetCandidates: Array<Omit<Candidate, 'errorLabel'>> = [
    { source: 'option', label: '--target-dir', raw: readOption(options, 'target-dir') },
    { source: 'env', label: 'environment variable TARGET_DIR', raw: env.TARGET_DIR },
    { source: 'intake-file', label: fileLabel, raw: fileValues.target_dir },
    { source: 'saved', label: savedLabel, raw: savedValues.targetDir },
    { source: 'prompt', label: 'prompt', raw: answers.targetDir },
  ];
  let targetDecision: Decision = { value: DEFAULT_TARGET_DIR, source: 'default', label: 'default' };
  for (const candidate of targetCandidates) {
    const value = textValue(candidate.raw);
    if (value !== undefined) {
      targetDecision = { value, source: candidate.source, label: candidate.label };
      break;
    }
  }
  const targetDir = path.resolve(projectRoot, targetDecision.value);
  // Only the user (an option, an answer, or one of those saved by an earlier run) may send files outside
  // the project; an intake file or the environment may not.
  const outsideRoot = path.relative(projectRoot, targetDir).startsWith('..') || path.isAbsolute(path.relative(projectRoot, targetDir));
  if (outsideRoot && !['option', 'prompt', 'saved'].includes(targetDecision.source)) {
    errors.push({
      kind: 'invalid-value',
      field: 'targetDir',
      message: `target-dir "${targetDecision.value}" (${describe(targetDecision)}) points outside the project root ${projectRoot}; pass --target-dir to mean it`,
    });
  }

  // Project name: intake file project_name, then .yo-rc.json, then the project root folder's name.
  let nameDecision: Decision;
  const fileName = textValue(fileValues.project_name);
  const savedName = textValue(savedValues.projectName);
  if (fileName) nameDecision = { value: toNpmPackageName(fileName), source: 'intake-file', label: fileLabel };
  else if (savedName) nameDecision = { value: toNpmPackageName(savedName), source: 'saved', label: savedLabel };
  else {
    nameDecision = {
      value: toNpmPackageName(path.basename(projectRoot)),
      source: 'cwd',
      label: `the project folder name "${path.basename(projectRoot)}"`,
    };
  }

  const choices = {
    backendTech: decisions.backendTech.value as BackendTech,
    db: decisions.db.value as Database,
    auth: decisions.auth.value as AuthMode,
    projectRoot,
    targetDir,
    projectName: nameDecision.value,
  };

  const open: OpenField[] = CHOICE_FIELDS.filter((field) => decisions[field].source === 'default');
  if (targetDecision.source === 'default') open.push('targetDir');

  const explanation = [
    `backend-tech ${choices.backendTech} (${describe(decisions.backendTech)})`,
    `db ${choices.db} (${describe(decisions.db)})`,
    `auth ${choices.auth} (${describe(decisions.auth)})`,
    `target-dir ${displayPath(targetDir, input.cwd) || '.'} (${describe(targetDecision)})`,
    `project name ${choices.projectName} (${nameDecision.source === 'cwd' ? `from ${nameDecision.label}` : describe(nameDecision)})`,
  ];

  const relativeTarget = path.relative(projectRoot, targetDir);
  const targetArg = relativeTarget === '' ? '.' : relativeTarget.startsWith('..') ? targetDir : relativeTarget;
  const commandParts = [
    'yo mvp-backend',
    `--backend-tech ${choices.backendTech}`,
    `--db ${choices.db}`,
    `--auth ${choices.auth}`,
    `--target-dir ${shellQuote(targetArg)}`,
  ];
  if (path.resolve(projectRoot) !== path.resolve(input.cwd)) commandParts.push(`--project-root ${shellQuote(projectRoot)}`);
  commandParts.push('--yes');

  return IntakeResultSchema.parse({
    ok: errors.length === 0 && conflicts.length === 0,
    choices,
    decisions: {
      ...decisions,
      projectRoot: { value: projectRoot, source: root.source, label: root.label },
      targetDir: { ...targetDecision, value: targetDir },
      projectName: nameDecision,
    },
    open,
    conflicts,
    errors,
    ...(request ? { request } : {}),
    explanation,
    command: commandParts.join(' '),
  });
}

/**
 * Throws an IntakeError when the result cannot be used: any error, or a conflict that
 * cannot be asked about (non-interactive runs).
 */
export function assertIntakeOk(result: IntakeResult, { allowConflicts = false } = {}): void {
  const blocking: Array<IntakeIssue | IntakeConflict> = [...result.errors];
  if (!allowConflicts) blocking.push(...result.conflicts);
  if (blocking.length > 0) throw new IntakeError(blocking);
}

/** What .yo-rc.json keeps under the generator-mvp-backend key (target dir relative to the project root). */
export function toSavedConfig(choices: ResolvedChoices): Record<string, string> {
  const relative = path.relative(choices.projectRoot, choices.targetDir);
  return {
    backendTech: choices.backendTech,
    db: choices.db,
    auth: choices.auth,
    targetDir: relative === '' ? '.' : relative.startsWith('..') ? choices.targetDir : relative,
    projectName: choices.projectName,
  };
}
