// Renders the data model (data-model.ts) into TypeScript for the Node templates: Drizzle columns for
// PostgreSQL and SQLite, and Zod shapes of the API resources. Templates loop over ENTITIES and call these.
import { ENUMS, pascalCase, snakeCase, type EnumName, type Entity, type Field } from './data-model.js';

export type SqlDialect = 'postgres' | 'sqlite';

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `ROLE_VALUES` for the enum `role`. */
export const enumConst = (name: EnumName) => `${snakeCase(name).toUpperCase()}_VALUES`;
/** `roleEnum`, the pgEnum of `role`. */
export const pgEnumVar = (name: EnumName) => `${name}Enum`;
/** `reports` for `report`: the Drizzle table variable. */
export const tableVar = (e: Entity) => e.table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** `ReportSchema`: the Zod schema of a resource. */
export const schemaVar = (e: Entity) => `${pascalCase(e.name)}Schema`;

export function enumDeclarations(dialect: SqlDialect): string {
  return (Object.keys(ENUMS) as EnumName[])
    .map((name) => {
      const values = `export const ${enumConst(name)} = [${ENUMS[name].map(quote).join(', ')}] as const;`;
      return dialect === 'postgres'
        ? `${values}\nexport const ${pgEnumVar(name)} = pgEnum('${snakeCase(name)}', ${enumConst(name)});`
        : values;
    })
    .join('\n');
}

export function drizzleColumn(key: string, field: Field, dialect: SqlDialect, tables: Entity[]): string {
  const column = `'${snakeCase(key)}'`;
  const pg = dialect === 'postgres';
  const notNull = (f: { nullable?: boolean }) => (f.nullable ? '' : '.notNull()');
  switch (field.kind) {
    case 'id':
      return pg ? `uuid(${column}).primaryKey().defaultRandom()` : `text(${column}).primaryKey().$defaultFn(() => crypto.randomUUID())`;
    case 'uuid': {
      const target = field.references && tables.find((t) => t.name === field.references!.entity);
      const ref = target ? `.references(() => ${tableVar(target)}.id, { onDelete: '${field.references!.onDelete}' })` : '';
      return `${pg ? 'uuid' : 'text'}(${column})${notNull(field)}${ref}`;
    }
    case 'string': {
      const type = pg ? `varchar(${column}, { length: ${field.max} })` : `text(${column}, { length: ${field.max} })`;
      const def = field.default !== undefined ? `.default(${quote(field.default)})` : '';
      return `${type}${notNull(field)}${field.unique ? '.unique()' : ''}${def}`;
    }
    case 'text':
      return `text(${column}).notNull()${field.default !== undefined ? `.default(${quote(field.default)})` : ''}`;
    case 'enum':
      return pg
        ? `${pgEnumVar(field.enum)}(${column}).notNull().default('${field.default}')`
        : `text(${column}, { enum: ${enumConst(field.enum)} }).notNull().default('${field.default}')`;
    case 'boolean':
      return pg ? `boolean(${column}).notNull().default(${field.default})` : `integer(${column}, { mode: 'boolean' }).notNull().default(${field.default})`;
    case 'integer':
      return `integer(${column}).notNull().default(${field.default})`;
    case 'createdAt':
    case 'updatedAt': {
      // Millisecond precision, so that a keyset cursor (createdAt, id) round-trips exactly through JSON.
      const base = pg
        ? `timestamp(${column}, { withTimezone: true, precision: 3 }).notNull().defaultNow()`
        : `integer(${column}, { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date())`;
      return field.kind === 'updatedAt' ? `${base}.$onUpdate(() => new Date())` : base;
    }
  }
}

export function drizzleIndexes(e: Entity): string[] {
  return e.indexes.map((ix) => `${ix.unique ? 'uniqueIndex' : 'index'}('${ix.name}').on(${ix.columns.map((c) => `t.${c}`).join(', ')})`);
}

/** The Zod type of a field as the API answers it (times as ISO strings). */
export function zodField(field: Field): string {
  switch (field.kind) {
    case 'id':
      return 'z.uuid()';
    case 'uuid':
      return field.nullable ? 'z.uuid().nullable()' : 'z.uuid()';
    case 'string':
      return `z.string().max(${field.max})${field.nullable ? '.nullable()' : ''}`;
    case 'text':
      return 'z.string()';
    case 'enum':
      return `z.enum(${enumConst(field.enum)})`;
    case 'boolean':
      return 'z.boolean()';
    case 'integer':
      return 'z.int()';
    case 'createdAt':
    case 'updatedAt':
      return 'z.iso.datetime()';
  }
}
