import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { ENTITIES, ENUMS, snakeCase } from '../common/data-model.js';
import * as render from '../common/render-python.js';
import { pythonDistributionName, pythonTemplateContext } from '../common/template-context.js';
import { PYTHON_VERSIONS } from '../common/versions.js';
import { REPO } from './helpers.js';

const TEMPLATES = path.join(REPO, 'generators', 'fastapi', 'templates');
const renderTemplate = (file: string, db: 'neon-postgres' | 'sqlite') =>
  ejs.render(readFileSync(path.join(TEMPLATES, file), 'utf8'), pythonTemplateContext({ backendTech: 'fastapi', db, auth: 'clerk', projectName: 'acme-api' }));

describe('render-python (the data model for SQLAlchemy and Pydantic)', () => {
  it('every enum is a tuple (also with one value) and a Literal', () => {
    const declarations = render.enumDeclarations();
    for (const [name, values] of Object.entries(ENUMS)) {
      const tuple = `${render.enumConst(name as keyof typeof ENUMS)} = (${values.map((v) => `'${v}'`).join(', ')},)`;
      assert.ok(declarations.includes(tuple), `${tuple} in\n${declarations}`);
    }
  });

  it('models.py has one class per entity and one mapped column per field, with the indexes', () => {
    const models = renderTemplate('app/models.py.ejs', 'sqlite');
    for (const e of ENTITIES) {
      assert.match(models, new RegExp(`class ${render.modelClass(e)}\\(Base\\):\\n    __tablename__ = '${e.table}'`));
      for (const key of Object.keys(e.fields)) assert.match(models, new RegExp(`\\n    ${snakeCase(key)}: Mapped\\[`), `${e.name}.${key}`);
      for (const ix of e.indexes) assert.ok(models.includes(`Index('${ix.name}'`), ix.name);
    }
    assert.ok(models.includes("ForeignKey('organizations.id', ondelete='SET NULL'), nullable=True"));
  });

  it('schemas.py answers every field of every resource', () => {
    const schemas = renderTemplate('app/schemas.py.ejs', 'neon-postgres');
    for (const e of ENTITIES) {
      const block = schemas.split(`class ${render.schemaClass(e)}(ApiModel):`)[1]!.split('\n\n\n')[0]!;
      for (const key of Object.keys(e.fields)) assert.match(block, new RegExp(`\\n    ${snakeCase(key)}: `), `${e.name}.${key}`);
    }
  });

  it('pyproject.toml pins every package from PYTHON_VERSIONS, asyncpg only for PostgreSQL', () => {
    const postgres = renderTemplate('pyproject.toml.ejs', 'neon-postgres');
    const sqlite = renderTemplate('pyproject.toml.ejs', 'sqlite');
    assert.ok(postgres.includes(`"asyncpg${PYTHON_VERSIONS.asyncpg}"`) && !sqlite.includes('asyncpg'));
    for (const name of ['fastapi', 'sqlalchemy[asyncio]', 'alembic', 'aiosqlite', 'pytest'] as const) {
      assert.ok(sqlite.includes(`"${name}${PYTHON_VERSIONS[name]}"`), name);
    }
    assert.match(sqlite, /^requires-python = ">=3\.11"$/m);
    assert.match(sqlite, /^name = "acme-api"$/m);
  });

  it('the rendered Python compiles', function () {
    this.timeout(60_000);
    let python: string;
    try {
      python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
    } catch {
      return this.skip(); // no Python on this machine
    }
    for (const file of ['app/models.py.ejs', 'app/schemas.py.ejs', 'app/config.py.ejs', 'app/main.py.ejs']) {
      for (const db of ['neon-postgres', 'sqlite'] as const) {
        execFileSync(python, ['-c', 'import sys; compile(sys.stdin.read(), sys.argv[1], "exec")', file], { input: renderTemplate(file, db) });
      }
    }
  });
});

describe('pythonDistributionName (pip must not confuse the project with a dependency)', () => {
  it('keeps an ordinary name', () => assert.equal(pythonDistributionName('acme-api'), 'acme-api'));
  it('renames a project called like a dependency, direct or not, whatever its spelling', () => {
    assert.equal(pythonDistributionName('fastapi'), 'fastapi-app');
    assert.equal(pythonDistributionName('SQLAlchemy'), 'SQLAlchemy-app');
    assert.equal(pythonDistributionName('typing_extensions'), 'typing_extensions-app');
    assert.equal(pythonDistributionName('starlette'), 'starlette-app');
  });
});
