/**
 * Hover Markdown, pinned line by line: what a lawyer reads on a flagged
 * statement (rule, evidence, facts, regime, clauses, carve-outs, waiver,
 * disclaimer) and what a product manager reads on front-matter keys and values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMap } from '../../server/src/core/lineMap';
import type { Clause } from '../../server/src/profile/profileTypes';
import {
  citedClauses,
  provideHover,
  renderCarveOuts,
  renderClause,
  renderDisclaimer,
  renderEvidence,
  renderFacts,
  renderKeyHover,
  renderRegimeChoice,
  renderSupersession,
  renderValueHover,
  renderWaiver,
  renderWhy,
  type HoverContext,
} from '../../server/src/features/hover';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import type { SpecModel } from '../../server/src/specModel';
import { run } from './testSupport';

const profile = loadBuiltinProfile();

function contextOf(text: string): HoverContext {
  return { text, profile, analysis: run(text) };
}

function clause(id: string): Clause {
  return profile.clauses.find((candidate) => candidate.id === id)!;
}

function key(name: string) {
  return profile.frontMatter.find((candidate) => candidate.key === name)!;
}

function modelOf(text: string): SpecModel {
  return { uri: 'file:///spec.pspec.md', version: 3, text, lines: new LineMap(text), profile, options: {}, analysis: run(text) };
}

const SPEC = '---\nclassification: api\nserved-on: [aws]\nlaunch: 2025-11-03\n---\n🚀 The product is served from AWS regions.\n';

describe('finding hover parts', () => {
  it('quotes the evidence words from the text, counting UTF-16 after an emoji', () => {
    const context = contextOf(SPEC);
    const finding = context.analysis.findings[0];
    assert.equal(renderEvidence(finding.evidence, SPEC, profile), '"served from" (hosting), "AWS" (cloud: Amazon Web Services)');
  });

  it('lists the front-matter facts used, lists written as lists', () => {
    assert.equal(
      renderFacts(
        [
          { key: 'classification', value: 'api' },
          { key: 'served-on', value: 'aws, gcp' },
        ],
        profile,
      ),
      '`classification: api`, `served-on: [aws, gcp]`',
    );
    assert.equal(renderFacts([], profile), undefined);
  });

  it('says which regime applies and why', () => {
    assert.equal(
      renderRegimeChoice({ id: '2025-10', reason: 'launch', date: '2025-11-03' }, profile),
      "`2025-10` API / non-API split (2025-10-28 to 2026-02-26), in force on the spec's `launch` date 2025-11-03",
    );
    assert.equal(renderRegimeChoice({ id: '2026-04', reason: 'today', date: '2026-11-26' }, profile), '`2026-04` Any cloud, Azure first (from 2026-04-27), in force today (2026-11-26); the spec declares no `launch` date');
    assert.equal(
      renderRegimeChoice({ id: '2025-01', reason: 'as-of', date: '2025-06-01' }, profile),
      '`2025-01` Right of first refusal (2025-01-21 to 2025-10-27), in force on the as-of date 2025-06-01 (`carveout.asOfDate` setting or `--as-of`)',
    );
    assert.equal(renderRegimeChoice({ id: '2019-07', reason: 'regime' }, profile), '`2019-07` Azure as exclusive cloud (2019-07-22 to 2025-01-20), chosen by the `carveout.regime` setting or `--regime`');
  });

  it('gathers why a finding fired', () => {
    const context = contextOf(SPEC);
    assert.deepEqual(renderWhy(context.analysis.findings[0], context)!.split('\n'), [
      '**Why:**',
      '- Words: "served from" (hosting), "AWS" (cloud: Amazon Web Services)',
      '- Front matter: `served-on: [aws]`, `classification: api`',
      "- Regime: `2025-10` API / non-API split (2025-10-28 to 2026-02-26), in force on the spec's `launch` date 2025-11-03",
    ]);
  });

  it('renders a clause with its quote, source, date, confidence and supersession', () => {
    assert.deepEqual(renderClause(clause('MSFT-OAI-2025-01-API-EXCL'), profile), [
      '**MSFT-OAI-2025-01-API-EXCL**: The OpenAI API stays exclusive to Azure',
      '> The OpenAI API is exclusive to Azure, runs on Azure and is also available through the Azure OpenAI Service.',
      'Source: Microsoft, *Microsoft and OpenAI evolve partnership to drive the next phase of AI*, 2025-01-21. Confidence: reported (the wording is quoted by third-party coverage of the post).',
      'Superseded on 2025-10-28 by `2025-10` (API / non-API split).',
    ]);
  });

  it('says when no wording was published, and that a clause of the current regime is not superseded', () => {
    assert.deepEqual(renderClause(clause('MSFT-OAI-2026-02-FIRST-PARTY'), profile).slice(1, 3), [
      '*No exact wording was published.*',
      'Source: Press reports, *Press reports of the joint statement*, 2026-02-27. Confidence: press (press reporting of terms that no company statement gives).',
    ]);
    assert.equal(renderSupersession(clause('MSFT-OAI-2026-04-AZURE-FIRST'), profile), undefined);
  });

  it('links the source when the profile gives a URL', () => {
    const withUrl: Clause = { ...clause('MSFT-OAI-2025-10-NON-API'), source: { ...clause('MSFT-OAI-2025-10-NON-API').source, url: 'https://example.com/next-chapter' } };
    assert.equal(
      renderClause(withUrl, profile)[2],
      'Source: OpenAI, [The next chapter of the Microsoft–OpenAI partnership](https://example.com/next-chapter), 2025-10-28. Confidence: primary (the wording was checked in the company’s own post).',
    );
  });

  it('cites only clauses in force by the active regime', () => {
    const ids = ['MSFT-OAI-2025-01-API-EXCL', 'MSFT-OAI-2025-10-API-EXCL', 'MSFT-OAI-2026-02-STATELESS'];
    assert.deepEqual(
      citedClauses(ids, '2025-10', profile).map((cited) => cited.id),
      ['MSFT-OAI-2025-01-API-EXCL', 'MSFT-OAI-2025-10-API-EXCL'],
    );
  });

  it('lists the carve-outs in force with their clauses, and names those that are not', () => {
    const context = contextOf(SPEC);
    assert.deepEqual(renderCarveOuts(context.analysis.findings[0], context)!.split('\n'), [
      '**Carve-outs that could apply:**',
      '- **US national-security carve-out** (`natsec-carve-out`): MSFT-OAI-2025-10-NATSEC (API access for US government national-security customers on any cloud)',
      '- **Non-API carve-out** (`non-api-carve-out`): MSFT-OAI-2025-10-NON-API (Non-API products may run on any cloud (the central carve-out))',
    ]);
    const early = contextOf(SPEC.replace('2025-11-03', '2025-04-01'));
    assert.equal(renderCarveOuts(early.analysis.findings[0], early), 'Not in force under `2025-01`: `natsec-carve-out`, `non-api-carve-out`.');
  });

  it('records the waiver', () => {
    assert.equal(
      renderWaiver({ rules: ['api-exclusivity'], approver: 'Dana Reyes', approvedOn: '2026-03-02', expires: '2026-12-31', reference: 'LEGAL-1412', span: { start: 0, end: 0 } }),
      '**Waived** for `api-exclusivity`: approved by Dana Reyes on 2026-03-02, expires 2026-12-31, ref LEGAL-1412.',
    );
  });

  it('ends with the disclaimer, adding "not legal advice" when a profile forgets to', () => {
    assert.match(renderDisclaimer(profile), /^\*Carveout gives no legal advice: .*\*$/);
    assert.equal(renderDisclaimer({ ...profile, disclaimer: 'Check with counsel.' }), '*Not legal advice.* *Check with counsel.*');
  });
});

describe('provideHover on a flagged statement', () => {
  it('shows the finding from its title to the disclaimer, over the statement’s range', () => {
    const model = modelOf(SPEC);
    const hover = provideHover(model, { line: 5, character: 12 })!;
    assert.deepEqual(hover.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 42 } });
    const lines = (hover.contents as { kind: string; value: string }).value.split('\n');
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.equal(lines[0], '**Azure API exclusivity** · `api-exclusivity` · error');
    assert.ok(lines.includes('**Clauses cited:**'));
    assert.ok(lines.includes('> Microsoft continues to have exclusive IP rights and Azure API exclusivity until Artificial General Intelligence (AGI).'));
    assert.ok(lines.includes('Superseded on 2026-02-27 by `2026-02` (Stateless APIs stay on Azure).'));
    assert.ok(!lines.some((line) => line.includes('MSFT-OAI-2026-02-STATELESS')), 'a clause of a later regime is not cited');
    assert.deepEqual(lines.slice(-3, -1), ['---', '']);
    assert.match(lines[lines.length - 1], /legal advice/);
  });

  it('shows every finding on the statement, each once, with one disclaimer', () => {
    const text = '---\nclassification: non-api\nlaunch: 2025-11-03\n---\nDevelopers call the REST endpoint on AWS.\n';
    const value = (provideHover(modelOf(text), { line: 4, character: 0 })!.contents as { value: string }).value;
    const titles = value.split('\n').filter((line) => / · `[a-z-]+` · /.test(line));
    assert.deepEqual(titles, ['**Azure API exclusivity** · `api-exclusivity` · error', '**Statement contradicts the front matter** · `declaration-mismatch` · warning']);
    assert.equal(value.match(/legal advice/g)!.length, 1);
  });

  it('shows a waived finding with its waiver', () => {
    const text = '---\nclassification: api\nlaunch: 2025-11-03\n---\n<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2026-12-31, ref LEGAL-7 -->\nThe API runs on AWS.\n';
    const lines = (provideHover(modelOf(text), { line: 5, character: 4 })!.contents as { value: string }).value.split('\n');
    assert.equal(lines[0], '**Azure API exclusivity** · `api-exclusivity` · error (waived)');
    assert.ok(lines.includes('**Waived** for `api-exclusivity`: approved by Dana Reyes on 2026-03-02, expires 2026-12-31, ref LEGAL-7.'));
  });

  it('returns null away from findings and front matter', () => {
    const text = `${SPEC}\nNothing to see here.\n`;
    assert.equal(provideHover(modelOf(text), { line: 7, character: 3 }), null);
  });
});

describe('front-matter hovers', () => {
  it('explains a key with a fixed set of values', () => {
    assert.deepEqual(renderKeyHover(key('classification'), profile).split('\n'), [
      '**`classification`** (enum)',
      '',
      'Whether the product is offered as an API, as something other than an API, or both; inferred from the text when absent.',
      '',
      'Allowed values:',
      '- `api`: The product is offered as an API (endpoints, SDKs, per-token billing). A statement that names no surface is read as being about the API.',
      '- `non-api`: The product is not an API: an app, a device or a subscription. A statement that names no surface is read as being about that product, and a statement that describes an API is reported as `declaration-mismatch`.',
      '- `hybrid`: The product has both API and non-API surfaces. A statement that names no surface is read with every API and non-API surface the text shows.',
    ]);
  });

  it('lists cloud ids with their names for `served-on`', () => {
    const lines = renderKeyHover(key('served-on'), profile).split('\n');
    assert.deepEqual(lines.slice(0, 5), ['**`served-on`** (list)', '', 'The clouds the product is served or run on.', '', 'Allowed values, or any of their aliases:']);
    assert.equal(lines[5], '- `azure`: Microsoft Azure (home cloud)');
    assert.equal(lines[6], '- `aws`: Amazon Web Services');
  });

  it('lists customer ids for `customers`', () => {
    const lines = renderKeyHover(key('customers'), profile).split('\n');
    assert.equal(lines[4], 'Allowed values:');
    assert.ok(lines.includes('- `us-national-security`'));
    assert.ok(lines.includes('- `enterprise`'));
  });

  it('explains a cloud value with its name and aliases, whether written as id or alias', () => {
    const context = contextOf(SPEC);
    const lines = renderValueHover(key('served-on'), 'Bedrock', context).split('\n');
    assert.equal(lines[0], '**`aws`**: Amazon Web Services');
    assert.match(lines[2], /^Also written: AWS, Amazon Web Services, .*Bedrock/);
    assert.equal(lines[4], 'Not the home cloud (Microsoft Azure): statements that place the product here are judged as off-home.');
    assert.equal(renderValueHover(key('served-on'), 'azure', context).split('\n')[4], 'The home cloud: serving the product here is what the contract expects.');
  });

  it('names the nearest venue and audience for a value the profile does not know', () => {
    const context = contextOf(SPEC);
    assert.equal(
      renderValueHover(key('served-on'), 'azrue', context),
      '`azrue` is not a venue this profile knows. Known venues: `azure`, `aws`, `gcp`, `oci`, `coreweave`, `lambda-labs`, `crusoe`, `nebius`, `together`, `sakura`, `on-prem`. Did you mean "azure"?',
    );
    assert.match(renderValueHover(key('customers'), 'enterprize', context), /^`enterprize` is not an audience this profile knows\. Known audiences: .* Did you mean "enterprise"\?$/);
  });

  it('explains a classification value', () => {
    assert.deepEqual(renderValueHover(key('classification'), 'non-api', contextOf(SPEC)).split('\n'), [
      '**classification: non-api**',
      '',
      'The product is not an API: an app, a device or a subscription. A statement that names no surface is read as being about that product, and a statement that describes an API is reported as `declaration-mismatch`.',
    ]);
  });

  it('says which carve-out relies on a customer segment', () => {
    const lines = renderValueHover(key('customers'), 'us-national-security', contextOf(SPEC)).split('\n');
    assert.equal(lines[0], '**`us-national-security`**: customer segment');
    assert.equal(lines[4], 'Relied on by the US national-security carve-out (`natsec-carve-out`), which covers the product only when every customer it serves is in this segment.');
  });

  it('names the regime a launch date selects', () => {
    assert.deepEqual(renderValueHover(key('launch'), '2026-03-15', contextOf(SPEC)).split('\n'), [
      '**2026-03-15** falls under regime `2026-02` Stateless APIs stay on Azure (2026-02-27 to 2026-04-26).',
      '',
      'The 2025-10 terms are unchanged, and the parties state that stateless API calls, including those from a collaboration with Amazon, are hosted on Azure.',
    ]);
  });

  it('hovers a key and a value in the document, with their ranges', () => {
    const model = modelOf(SPEC);
    const onKey = provideHover(model, { line: 2, character: 4 })!;
    assert.deepEqual(onKey.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
    assert.equal((onKey.contents as { value: string }).value.split('\n')[0], '**`served-on`** (list)');
    const onValue = provideHover(model, { line: 2, character: 13 })!;
    assert.deepEqual(onValue.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 15 } });
    assert.equal((onValue.contents as { value: string }).value.split('\n')[0], '**`aws`**: Amazon Web Services');
  });

  it('says an empty co-developer list means first-party', () => {
    const text = '---\nco-developed-with: []\n---\n';
    const hover = provideHover(modelOf(text), { line: 1, character: 20 })!;
    assert.equal((hover.contents as { value: string }).value, 'No co-developers: the product is first-party.');
  });
});

describe('hover audience', () => {
  const lines = (audience: 'author' | 'reviewer') => (provideHover(modelOf(SPEC), { line: 5, character: 12 }, audience)!.contents as { value: string }).value.split('\n');

  it('gives an author the quick fixes in words first, and the clauses of the spec\'s regime', () => {
    const author = lines('author');
    const todo = author.indexOf('**What you can do** (Quick Fix, Ctrl+.):');
    assert.equal(todo, 4, 'right after the title and the message');
    assert.deepEqual(author.slice(todo + 1, todo + 5), [
      '- Reclassify as non-API (classification: non-api) (preferred)',
      '- Serve on Azure',
      '- Apply the US national-security carve-out (customers: us-national-security)',
      '- Record a waiver for api-exclusivity',
    ]);
    assert.ok(author.indexOf('**Why:**') > todo);
    assert.ok(!author.some((line) => line.startsWith('**MSFT-OAI-2025-01-API-EXCL**')), 'no clause of an earlier regime');
    assert.match(author[author.length - 1], /legal advice/);
  });

  it('gives a reviewer every clause cited, earlier regimes\' included, and the carve-outs before the why and the fixes', () => {
    const reviewer = lines('reviewer');
    assert.equal(reviewer[4], '**Clauses cited:**');
    const earlier = reviewer.indexOf('**MSFT-OAI-2025-01-API-EXCL**: The OpenAI API stays exclusive to Azure');
    assert.ok(earlier > 4, 'the clause the 2025-10 terms superseded is shown');
    const carveOuts = reviewer.indexOf('**Carve-outs that could apply:**');
    assert.ok(carveOuts > earlier && carveOuts < reviewer.indexOf('**Why:**'));
    assert.ok(reviewer.indexOf('**What you can do** (Quick Fix, Ctrl+.):') > reviewer.indexOf('**Why:**'));
    assert.match(reviewer[reviewer.length - 1], /legal advice/);
  });
});
