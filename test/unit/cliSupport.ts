/** Helpers for CLI tests: the bundled dist/cli.js run in a child process, on specs written to a temporary folder. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import Ajv from 'ajv-draft-04';

export const CLI = resolve(__dirname, '../../dist/cli.js');
const SARIF_SCHEMA = resolve(__dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The schema errors of a SARIF log against the official 2.1.0 schema; empty when it validates. */
export function sarifSchemaErrors(log: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** A fresh folder holding `files`, by path relative to it. */
export function workspace(files: Record<string, string>, prefix = 'carveout-cli-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd`; a run that hangs is killed after 20 s, which `signal` shows. */
export function carveout(cwd: string, args: readonly string[], options: SpawnSyncOptions = {}, cli = CLI): CliRun {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 20_000, ...options });
  return { status: result.status, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}
