// Renders the data model (data-model.ts) into Python for the FastAPI templates: SQLAlchemy 2 mapped
// columns (one portable set for PostgreSQL and SQLite) and the Pydantic types of the API resources.
// Templates loop over ENTITIES and call these, as the Node templates do with render-node.ts.
import { ENUMS, pascalCase, snakeCase, type EnumName, type Entity, type Field } from './data-model.js';

const pyString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** `ROLE_VALUES` for the enum `role` (a tuple of its values). */
export const enumConst = (name: EnumName) => `${snakeCase(name).toUpperCase()}_VALUES`;
/** `Role`, the Literal type alias of the enum `role`. */
export const enumType = (name: EnumName) => pascalCase(name);
/** `Report` for `report`: the SQLAlchemy model class. */
export const modelClass = (e: Entity) => pascalCase(e.name);
/** `ReportOut`: the Pydantic model the API answers with. */
export const schemaClass = (e: Entity) => `${pascalCase(e.name)}Out`;
/** `organization_id` for `organizationId`: attribute and column name. */
export const attribute = (key: string) => snakeCase(key);

/** `ROLE_VALUES = ('ADMIN', 'USER')` and `Role = Literal['ADMIN', 'USER']`, one pair per enum. */
export function enumDeclarations(): string {
  return (Object.keys(ENUMS) as EnumName[])
    .map((name) => {
      const values = ENUMS[name].map(pyString).join(', ');
      return `${enumConst(name)} = (${values},)\n${enumType(name)} = Literal[${values}]`;
    })
    .join('\n');
}

/** The Python type a column holds (`Mapped[...]`). */
export function pythonType(field: Field): string {
  switch (field.kind) {
    case 'id':
      return 'uuid.UUID';
    case 'uuid':
      return field.nullable ? 'uuid.UUID | None' : 'uuid.UUID';
    case 'string':
      return field.nullable ? 'str | None' : 'str';
    case 'text':
      return 'str';
    case 'enum':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'integer':
      return 'int';
    case 'createdAt':
    case 'updatedAt':
      return 'datetime';
  }
}

/** `mapped_column(...)` of a field; the types are portable (the same models serve PostgreSQL and SQLite). */
export function sqlalchemyColumn(field: Field, tables: Entity[]): string {
  const nullable = (f: { nullable?: boolean }) => (f.nullable ? ', nullable=True' : '');
  switch (field.kind) {
    case 'id':
      return 'mapped_column(Uuid, primary_key=True, default=uuid.uuid4)';
    case 'uuid': {
      const target = field.references && tables.find((t) => t.name === field.references!.entity);
      const ref = target ? `, ForeignKey('${target.table}.id', ondelete='${field.references!.onDelete.toUpperCase()}')` : '';
      return `mapped_column(Uuid${ref}${nullable(field)})`;
    }
    case 'string': {
      const def = field.default !== undefined ? `, default=${pyString(field.default)}, server_default=${pyString(field.default)}` : '';
      return `mapped_column(String(${field.max})${nullable(field)}${field.unique ? ', unique=True' : ''}${def})`;
    }
    case 'text':
      return field.default !== undefined ? `mapped_column(Text, default=${pyString(field.default)}, server_default=${pyString(field.default)})` : 'mapped_column(Text)';
    case 'enum':
      return `mapped_column(Enum(*${enumConst(field.enum)}, name='${snakeCase(field.enum)}'), default='${field.default}', server_default='${field.default}')`;
    case 'boolean':
      return `mapped_column(Boolean, default=${field.default ? 'True' : 'False'}, server_default=${field.default ? 'true()' : 'false()'})`;
    case 'integer':
      return `mapped_column(Integer, default=${field.default}, server_default='${field.default}')`;
    case 'createdAt':
      // Millisecond precision, so that a keyset cursor (created_at, id) round-trips exactly through JSON.
      return 'mapped_column(UtcDateTime, default=now)';
    case 'updatedAt':
      return 'mapped_column(UtcDateTime, default=now, onupdate=now)';
  }
}

/** `Index('reports_organization_created_idx', 'organization_id', 'created_at', 'id')`. */
export function sqlalchemyIndexes(e: Entity): string[] {
  return e.indexes.map(
    (ix) => `Index('${ix.name}', ${ix.columns.map((c) => `'${snakeCase(c)}'`).join(', ')}${ix.unique ? ', unique=True' : ''})`,
  );
}

/** The Pydantic type of a field as the API answers it (times as ISO 8601 strings with milliseconds). */
export function pydanticType(field: Field): string {
  switch (field.kind) {
    case 'id':
      return 'uuid.UUID';
    case 'uuid':
      return field.nullable ? 'uuid.UUID | None' : 'uuid.UUID';
    case 'string':
      return field.nullable ? `Annotated[str, Field(max_length=${field.max})] | None` : `Annotated[str, Field(max_length=${field.max})]`;
    case 'text':
      return 'str';
    case 'enum':
      return enumType(field.enum);
    case 'boolean':
      return 'bool';
    case 'integer':
      return 'int';
    case 'createdAt':
    case 'updatedAt':
      return 'Timestamp';
  }
}
