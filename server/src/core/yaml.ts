/**
 * The `yaml` package, loaded on first use. Loading it takes a noticeable
 * part of the language server's start, and the server answers `initialize`
 * before any spec or profile needs it.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
