/**
 * The reference part of docs/profiles.md, made from profile.schema.json, so
 * that the guide can never describe a key the schema does not have or miss
 * one it has. Each object of the schema gets a section with a table of its
 * keys: the type, whether it is required, and the schema's description.
 */
import profileSchema from '../profile/profile.schema.json';

interface Schema {
  type?: string | string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  description?: string;
  pattern?: string;
}

const definitions = profileSchema.definitions as Record<string, Schema>;

/** The line that starts the generated part of docs/profiles.md; everything after it is generated. */
export const REFERENCE_MARKER = '<!-- The reference below is generated from profile.schema.json by `npm run docs:profiles`; do not edit it by hand. -->';

function refName(schema: Schema): string | undefined {
  const ref = schema.$ref ?? schema.allOf?.find((part) => part.$ref)?.$ref;
  return ref?.replace('#/definitions/', '');
}

/** Definitions worth a section of their own: the mappings (an id test is written inline). */
function isObject(name: string): boolean {
  return definitions[name]?.properties !== undefined && definitions[name]?.items === undefined;
}

function typeOf(schema: Schema): string {
  const name = refName(schema);
  if (name) return isObject(name) && name !== 'idTest' ? `[${name}](#${name.toLowerCase()})` : typeOf(definitions[name]);
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.oneOf) return schema.oneOf.map(typeOf).join(' or ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('array') && types.includes('object') && schema.items) {
    const forms = Object.keys(schema.properties ?? {}).map((key) => `\`{ ${key}: [...] }\``);
    return `list of ${typeOf(schema.items)}, or ${forms.join(' or ')}`;
  }
  if (types.includes('array') && schema.items) return `list of ${typeOf(schema.items)}`;
  if (types.length === 1 && types[0] === 'object' && typeof schema.additionalProperties === 'object') return `map of ${typeOf(schema.additionalProperties)}`;
  return types.join(' or ') || 'any';
}

function describe(schema: Schema): string {
  const own = schema.description ?? (refName(schema) ? definitions[refName(schema)!].description : undefined) ?? '';
  return own.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(schema: Schema, required: readonly string[]): string[] {
  const rows = ['| Key | Type | Required | Meaning |', '| --- | --- | --- | --- |'];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    rows.push(`| \`${key}\` | ${typeOf(property)} | ${required.includes(key) ? 'yes' : ''} | ${describe(property)} |`);
  }
  return rows;
}

export function renderProfileReference(): string {
  const top = profileSchema as unknown as Schema & { allOf: { else: { required: string[] } }[] };
  const out = [
    REFERENCE_MARKER,
    '',
    '## Reference',
    '',
    'Every key a profile may have. A profile that `extends` another needs only `id` and `title`; a profile that extends none needs every key marked required at the top level.',
    '',
    '### Profile',
    '',
    ...table(top, [...(top.required ?? []), ...top.allOf[0].else.required]),
  ];
  for (const name of Object.keys(definitions).filter(isObject).sort()) {
    const schema = definitions[name];
    out.push('', `### ${name}`, '', describe(schema), '', ...table(schema, schema.required ?? []));
  }
  return `${out.join('\n')}\n`;
}
