/**
 * The built-in profile is a public interface: rule ids are used by waivers
 * and CI, clause ids by SARIF consumers. These tests pin both, with the exact
 * confidence of every clause, so that a change to the YAML is deliberate.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { BUILTIN_PROFILE_DATA } from '../../server/src/profile/builtinProfileData';
import { DOCUMENT_RULE_IDS } from '../../server/src/profile/documentRules';
import { BUILTIN_PROFILE_FILE, loadBuiltinProfile, parseProfile } from '../../server/src/profile/loadProfile';
import { compileSchemas } from '../../server/src/profile/schemaValidation';

const profileDir = join(__dirname, '..', '..', 'server', 'src', 'profile');
const BUILTIN_PROFILE_TEXT = readFileSync(join(profileDir, 'builtin.profile.yaml'), 'utf8');

const ALL = ['2019-07', '2025-01', '2025-10', '2026-02', '2026-04'];

/** Every clause of the public record, with the confidence of its wording. */
const CLAUSES: Record<string, { regime: string; confidence: string; quoted: boolean }> = {
  'MSFT-OAI-2023-01-EXCL-CLOUD': { regime: '2019-07', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-01-ROFR': { regime: '2025-01', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-01-OWN-CAPACITY': { regime: '2025-01', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-01-API-EXCL': { regime: '2025-01', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-01-IP': { regime: '2025-01', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-09-MOU': { regime: '2025-01', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-10-API-EXCL': { regime: '2025-10', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-10-3P-API': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2025-10-NON-API': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2025-10-NATSEC': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2025-10-OPEN-WEIGHT': { regime: '2025-10', confidence: 'reported', quoted: true },
  'MSFT-OAI-2025-10-NO-ROFR': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2025-10-HW': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2025-10-IP-2032': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2025-10-AGI-PANEL': { regime: '2025-10', confidence: 'primary', quoted: true },
  'MSFT-OAI-2026-02-NO-CHANGE': { regime: '2026-02', confidence: 'reported', quoted: true },
  'MSFT-OAI-2026-02-STATELESS': { regime: '2026-02', confidence: 'reported', quoted: true },
  'MSFT-OAI-2026-02-FIRST-PARTY': { regime: '2026-02', confidence: 'press', quoted: false },
  'MSFT-OAI-2026-03-NATSEC-CLOUDS': { regime: '2026-02', confidence: 'press', quoted: true },
  'MSFT-OAI-2026-04-ANY-CLOUD': { regime: '2026-04', confidence: 'reported', quoted: true },
  'MSFT-OAI-2026-04-AZURE-FIRST': { regime: '2026-04', confidence: 'reported', quoted: true },
  'MSFT-OAI-2026-04-IP-NONEXCL': { regime: '2026-04', confidence: 'reported', quoted: true },
};

/** The rule table of the design notes: id, regimes, severity. */
const RULES: Record<string, { regimes: string[]; severity: string; kind: string }> = {
  'exclusive-cloud': { regimes: ['2019-07'], severity: 'error', kind: 'contract' },
  'rofr-capacity': { regimes: ['2025-01'], severity: 'warning', kind: 'contract' },
  'api-exclusivity': { regimes: ['2025-01', '2025-10', '2026-02'], severity: 'error', kind: 'contract' },
  'stateful-runtime': { regimes: ['2026-02'], severity: 'warning', kind: 'contract' },
  'first-party-azure': { regimes: ['2026-02'], severity: 'warning', kind: 'contract' },
  'non-api-carve-out': { regimes: ['2025-10', '2026-02'], severity: 'information', kind: 'contract' },
  'natsec-carve-out': { regimes: ['2025-10', '2026-02', '2026-04'], severity: 'information', kind: 'contract' },
  'open-weights-criteria': { regimes: ['2025-10', '2026-02', '2026-04'], severity: 'warning', kind: 'contract' },
  'azure-first': { regimes: ['2026-04'], severity: 'warning', kind: 'contract' },
  'declaration-mismatch': { regimes: ALL, severity: 'warning', kind: 'document' },
  'classification-undetermined': { regimes: ALL, severity: 'warning', kind: 'document' },
  'invalid-front-matter': { regimes: ALL, severity: 'error', kind: 'document' },
  'waiver-expired': { regimes: ALL, severity: 'warning', kind: 'document' },
  'waiver-incomplete': { regimes: ALL, severity: 'warning', kind: 'document' },
  'waiver-unused': { regimes: ALL, severity: 'hint', kind: 'document' },
  'disguised-text': { regimes: ALL, severity: 'warning', kind: 'document' },
  'no-regime': { regimes: ALL, severity: 'warning', kind: 'document' },
};

describe('built-in profile', () => {
  it('loads with zero problems, schema included', () => {
    const result = parseProfile(BUILTIN_PROFILE_TEXT, BUILTIN_PROFILE_FILE);
    assert.deepEqual(result.problems, []);
    assert.ok(result.profile);
  });

  it('is the same profile when loaded at start-up without the schema stage', () => {
    assert.deepEqual(loadBuiltinProfile(), parseProfile(BUILTIN_PROFILE_TEXT, BUILTIN_PROFILE_FILE).profile);
  });

  it('is embedded as the data the YAML file holds', () => {
    assert.deepEqual(BUILTIN_PROFILE_DATA, parse(BUILTIN_PROFILE_TEXT));
  });

  it('is parsed once, shared and frozen', () => {
    const profile = loadBuiltinProfile();
    assert.equal(loadBuiltinProfile(), profile);
    assert.ok(Object.isFrozen(profile));
    assert.ok(Object.isFrozen(profile.rules[0].regimes));
    assert.throws(() => {
      (profile.rules as unknown[]).push({});
    }, TypeError);
  });

  it('has the five regimes, contiguous, the last one open', () => {
    const regimes = loadBuiltinProfile().regimes.map((r) => [r.id, r.from, r.until]);
    assert.deepEqual(regimes, [
      ['2019-07', '2019-07-22', '2025-01-20'],
      ['2025-01', '2025-01-21', '2025-10-27'],
      ['2025-10', '2025-10-28', '2026-02-26'],
      ['2026-02', '2026-02-27', '2026-04-26'],
      ['2026-04', '2026-04-27', undefined],
    ]);
  });

  it('has every clause of the public record, with its regime and confidence', () => {
    const clauses = loadBuiltinProfile().clauses;
    assert.deepEqual(clauses.map((c) => c.id), Object.keys(CLAUSES));
    for (const clause of clauses) {
      const expected = CLAUSES[clause.id];
      assert.equal(clause.regime, expected.regime, clause.id);
      assert.equal(clause.confidence, expected.confidence, clause.id);
      assert.equal(clause.quote !== undefined, expected.quoted, clause.id);
      assert.equal(clause.source.url, undefined, `${clause.id} cites no verified URL`);
    }
  });

  it('keeps quotes verbatim, including typographic characters', () => {
    const byId = new Map(loadBuiltinProfile().clauses.map((c) => [c.id, c]));
    assert.equal(
      byId.get('MSFT-OAI-2026-02-STATELESS')?.quote,
      'Azure remains the exclusive cloud provider of stateless OpenAI APIs… Any stateless API calls to OpenAI models that result from a collaboration between OpenAI and any third party—including Amazon—would be hosted on Azure.',
    );
    assert.equal(byId.get('MSFT-OAI-2025-10-NON-API')?.quote, 'Non-API products may be served on any cloud provider.');
    assert.deepEqual(byId.get('MSFT-OAI-2026-03-NATSEC-CLOUDS')?.source, { title: 'News report', publisher: 'Reuters', date: '2026-03-17' });
  });

  it('has every rule id of the design table, with its regimes, severity and kind', () => {
    const rules = loadBuiltinProfile().rules;
    assert.deepEqual(rules.map((r) => r.id), Object.keys(RULES));
    for (const rule of rules) {
      const expected = RULES[rule.id];
      assert.deepEqual(rule.regimes, expected.regimes, rule.id);
      assert.equal(rule.severity, expected.severity, rule.id);
      assert.equal(rule.kind, expected.kind, rule.id);
      assert.equal(rule.when === undefined, rule.kind === 'document', rule.id);
    }
    assert.deepEqual(rules.filter((r) => r.kind === 'document').map((r) => r.id), [...DOCUMENT_RULE_IDS]);
  });

  it('states the conditions, exceptions and citations of the contract rules', () => {
    const byId = new Map(loadBuiltinProfile().rules.map((r) => [r.id, r]));
    const api = byId.get('api-exclusivity');
    assert.deepEqual(api?.when, { surface: ['api', 'stateless-api', 'stateful-runtime'], venue: { notIn: ['microsoft'] } });
    assert.deepEqual(api?.unless, ['natsec-carve-out', 'stateful-runtime']);
    assert.deepEqual(api?.carveOuts, ['natsec-carve-out', 'non-api-carve-out']);
    assert.deepEqual(api?.clauses, [
      'MSFT-OAI-2025-01-API-EXCL',
      'MSFT-OAI-2025-10-API-EXCL',
      'MSFT-OAI-2025-10-3P-API',
      'MSFT-OAI-2026-02-STATELESS',
      'MSFT-OAI-2026-02-NO-CHANGE',
    ]);
    assert.deepEqual(api?.fixes, ['classify-non-api', 'serve-on-home', 'add-natsec-customer', 'insert-waiver']);
    const offAzure = { notIn: ['microsoft'] };
    assert.deepEqual(byId.get('stateful-runtime')?.when, { surface: ['stateful-runtime'], venue: offAzure, partner: 'co-developed' });
    assert.deepEqual(byId.get('first-party-azure')?.when, { surface: ['non-api', 'device'], venue: offAzure, partner: 'first-party' });
    assert.deepEqual(byId.get('non-api-carve-out')?.unless, ['first-party-azure']);
    assert.deepEqual(byId.get('natsec-carve-out')?.when?.audience, { only: ['us-national-security'] });
    assert.deepEqual(byId.get('natsec-carve-out')?.clauses, ['MSFT-OAI-2025-10-NATSEC', 'MSFT-OAI-2026-03-NATSEC-CLOUDS']);
    assert.deepEqual(byId.get('rofr-capacity')?.clauses, ['MSFT-OAI-2025-01-ROFR', 'MSFT-OAI-2025-01-OWN-CAPACITY']);
    assert.deepEqual(byId.get('open-weights-criteria')?.when, { surface: ['open-weights'] });
    assert.deepEqual(byId.get('azure-first')?.when, { venue: offAzure, order: 'home-later' });
    assert.deepEqual(byId.get('exclusive-cloud')?.when, { venue: offAzure });
  });

  it('declares the front-matter keys of a spec', () => {
    const keys = loadBuiltinProfile().frontMatter.map((k) => [k.key, k.kind, k.fills, k.classes?.map((c) => c.value) ?? k.values ?? k.valuesFrom ?? null]);
    assert.deepEqual(keys, [
      ['product', 'string', 'name', null],
      ['classification', 'enum', 'surface', ['api', 'non-api', 'hybrid']],
      ['co-developed-with', 'list', 'partner', null],
      ['served-on', 'list', 'venue', 'venues'],
      ['customers', 'list', 'audience', 'audiences'],
      ['launch', 'date', 'date', null],
      ['ships-first-on', 'enum', 'order', 'venues'],
    ]);
  });

  it('counts Bedrock, AgentCore and SageMaker as AWS, with Azure at home', () => {
    const profile = loadBuiltinProfile();
    const vocabulary = profile.vocabulary;
    assert.deepEqual(profile.groups.find((group) => group.id === profile.home)?.venues, ['azure']);
    assert.deepEqual(vocabulary.clouds.map((c) => c.id), ['azure', 'aws', 'gcp', 'oci', 'coreweave', 'lambda-labs', 'crusoe', 'nebius', 'together', 'sakura', 'on-prem']);
    const aws = vocabulary.clouds.find((c) => c.id === 'aws');
    for (const alias of ['Bedrock', 'AgentCore', 'SageMaker', 'GovCloud']) assert.ok(aws?.aliases.includes(alias), alias);
    assert.deepEqual(Object.keys(vocabulary.customers), ['us-national-security', 'consumer', 'enterprise', 'government', 'education', 'developers', 'internal']);
  });

  it('says it gives no legal advice', () => {
    assert.match(loadBuiltinProfile().disclaimer, /^Carveout gives no legal advice/);
  });

  it('compiles both schemas in strict mode', () => {
    const validators = compileSchemas();
    assert.equal(typeof validators.profile, 'function');
    assert.equal(typeof validators.workspace, 'function');
  });
});
