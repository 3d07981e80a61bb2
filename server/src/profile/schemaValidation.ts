/**
 * Validates profile and workspace data against the published JSON Schemas and
 * words each schema error for the person editing the file. The schemas are
 * compiled once, on first use, in strict mode so that a mistake in a schema
 * is caught by the unit tests rather than silently ignored.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import profileSchema from './profile.schema.json';
import workspaceSchema from './workspace.schema.json';
import { didYouMean } from './didYouMean';
import type { DataIssue } from './problems';

export type SchemaName = 'profile' | 'workspace';

let validators: Record<SchemaName, ValidateFunction> | undefined;

/** Compiles both schemas; exported so that tests can prove they compile. */
export function compileSchemas(): Record<SchemaName, ValidateFunction> {
  if (!validators) {
    // Loaded on first use: most sessions read only the built-in profile, which
    // is embedded already validated, and the validator would slow every start.
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    // Required keys are checked in the branches of `if` (a profile that extends another may leave them out), where they are not redeclared.
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
    ajv.addSchema(profileSchema);
    validators = {
      profile: ajv.getSchema(profileSchema.$id) as ValidateFunction,
      workspace: ajv.compile(workspaceSchema),
    };
  }
  return validators;
}

/** Problems of `data` against a schema, as issues on data paths. Never throws. */
export function validateAgainstSchema(name: SchemaName, data: unknown): DataIssue[] {
  let validate: ValidateFunction;
  try {
    validate = compileSchemas()[name];
  } catch (error) {
    return [{ path: [], message: `The ${name} schema could not be compiled: ${String(error)}.` }];
  }
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // A value that fits no form of a `oneOf` is one problem, not one per form; `if` only says which branch failed.
  const alternatives = errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  return errors
    .filter((e) => e.keyword !== 'propertyNames' && e.keyword !== 'if' && !alternatives.some((prefix) => e.schemaPath.startsWith(prefix)))
    .map((error) => toIssue(error, name));
}

function toIssue(error: ErrorObject, name: SchemaName): DataIssue {
  const path = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    return { path: [...path, error.propertyName], part: 'key', message: patternMessage(error, subject(name, error.propertyName, 'key')) };
  }
  switch (error.keyword) {
    case 'required':
      return { path, message: `Missing required property "${String(params.missingProperty)}".` };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const shown = name === 'profile' ? '' : ` ${quote(key)}`;
      return { path: [...path, key], part: 'key', message: `Unknown property${shown}; expected one of: ${allowed.join(', ')}.${didYouMean(key, allowed)}` };
    }
    case 'type':
      // A top level of the wrong type means the file is something else, perhaps private: its text is not repeated.
      if (path.length === 0) return { path, message: `The file is not a ${name === 'profile' ? 'profile' : 'workspace configuration'}: its top level is ${kind(error.data)}, not a mapping.` };
      return { path, message: `Expected ${article(String(params.type))}, found ${name === 'profile' ? kind(error.data) : describe(error.data)}.` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { path, message: `${subject(name, error.data, 'value')} is not allowed here; expected one of: ${allowed}.` };
    }
    case 'pattern':
      return { path, message: patternMessage(error, subject(name, error.data, 'value')) };
    case 'minLength':
      return { path, message: params.limit === 1 ? 'Must not be empty.' : `Must have at least ${String(params.limit)} characters.` };
    case 'maxLength':
      return { path, message: `Too long: at most ${String(params.limit)} characters are allowed.` };
    case 'minItems':
      return { path, message: `Must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.` };
    case 'maxItems':
      return { path, message: `Too many items: at most ${String(params.limit)} are allowed.` };
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const value = Array.isArray(error.data) ? error.data[later] : undefined;
      return { path: [...path, later], message: `${subject(name, value, 'item')} is listed twice; it is already item ${earlier + 1}.` };
    }
    case 'minProperties':
      return error.parentSchema === definitions.condition
        ? { path, message: `A condition needs at least one of: ${Object.keys(definitions.condition.properties).join(', ')}.` }
        : { path, message: `Must have at least ${String(params.limit)} properties.` };
    case 'oneOf':
      return { path, message: `This value has none of the accepted forms. ${String((error.parentSchema as { description?: string } | undefined)?.description ?? '')}`.trim() };
    case 'maxProperties':
      return { path, message: `Too many properties: at most ${String(params.limit)} are allowed.` };
    default:
      return { path, message: `${capitalise(error.message ?? 'Invalid value')}.` };
  }
}

const definitions = profileSchema.definitions;

/** What each pattern of the schemas asks for, keyed by the pattern itself. */
const PATTERN_MESSAGES = new Map<string, string>([
  [
    definitions.phrase.pattern,
    'a phrase is literal text: no regular-expression characters (\\ ^ $ | ? ( ) [ ] { }), no `.` or `+` next to another `.`, `+` or `*`, no space at either end, and at most one `*`, at the end; punctuation such as `.` or `+` is a word break (`GOG.com`, `Lumen+`)',
  ],
  [definitions.id.pattern, 'an id is lower-case letters and digits in words joined by single hyphens, like `api-exclusivity`'],
  [definitions.clauseId.pattern, 'a clause id is letters and digits in words joined by single hyphens, underscores or dots, like `MSFT-OAI-2025-10-NON-API`'],
  [definitions.date.pattern, 'a date is written YYYY-MM-DD, like 2026-04-27'],
  [definitions.frontMatterKey.properties.key.pattern, 'a front-matter key is lower-case letters and digits in words joined by single hyphens, like `served-on`'],
  [definitions.source.properties.url.pattern, 'a URL starts with http:// or https:// and contains no spaces'],
]);

function patternMessage(error: ErrorObject, subject: string): string {
  const explanation = PATTERN_MESSAGES.get(String(error.schema));
  return explanation ? `${subject} is not valid: ${explanation}.` : `${subject} does not match the pattern ${String(error.schema)}.`;
}

/** Splits a JSON Pointer (RFC 6901) into its unescaped segments. */
function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function article(type: string): string {
  if (type.includes(',')) return type.split(',').map(article).join(' or ');
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
    integer: 'a whole number',
    null: 'nothing',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'boolean' || typeof value === 'number') return `the ${typeof value} ${String(value)}`;
  return kind(value);
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/**
 * How a message names the data it is about. A profile may be named by a
 * workspace config and turn out to be another file, perhaps a private one,
 * so its problems never repeat its text: their position says where. A
 * workspace config is the user's own settings, and quoting them reads better.
 */
function subject(name: SchemaName, value: unknown, noun: string): string {
  return name === 'profile' ? `This ${noun}` : quote(value);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
