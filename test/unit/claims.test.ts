/**
 * Reading specs as people write them: whose claim a statement makes, whether
 * it commits to anything, which surface it is about, and when it takes
 * effect, read across the whole document.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { AT_LAUNCH, findDates, resolveDate, UNSCHEDULED } from '../../server/src/core/readDates';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

/** Rule ids of the body's findings by 1-based line of the body (the line after the front matter is 1). */
function findingsByLine(front: string, body: string, regime?: string): Record<number, string[]> {
  const document = `---\n${front}\n---\n${body}`;
  const bodyStart = document.indexOf('---\n', 4) + 4;
  const byLine: Record<number, string[]> = {};
  for (const finding of analyze(document, loadBuiltinProfile(), { regime, today: '2026-11-26' }).findings) {
    if (finding.span.start < bodyStart) continue;
    const line = document.slice(bodyStart, finding.span.start).split('\n').length;
    (byLine[line] ??= []).push(finding.rule);
  }
  for (const rules of Object.values(byLine)) rules.sort();
  return byLine;
}

test('dates are read in the forms specs use, and resolved against the launch year', () => {
  const values = (text: string): number[] => findDates(text, { start: 0, end: text.length }).map((date) => date.value);
  assert.deepEqual(values('GA on 2026-06-01, preview May 18'), [20260601, 518]);
  assert.deepEqual(values('18 June, Q3 2024, H2 FY26, mid-January'), [618, 20240701, 20260701, 115]);
  // GPU names are not half-years.
  assert.deepEqual(values("H200 nodes, 512 H100s, Q3'26"), [20260701]);
  assert.deepEqual(values('in May, Azure after the summer'), [501, 901]);
  assert.deepEqual(values('We may ship it'), []);
  assert.deepEqual(values('Azure timing TBD; at launch'), [UNSCHEDULED, AT_LAUNCH]);
  assert.deepEqual(values('on GKE today; the Azure listing is planned for next quarter'), [AT_LAUNCH, UNSCHEDULED - 1]);
  assert.equal(resolveDate(518, '2026-03-01'), 20260518);
  assert.equal(resolveDate(AT_LAUNCH, '2026-03-01'), 20260301);
});

test('a rollout table orders the clouds: only a claim dated before the home cloud breaks Azure-first', () => {
  const front = 'classification: non-api\nserved-on: [azure, aws, gcp]\nlaunch: 2026-06-01';
  const body = [
    '| cloud | GA date |',
    '|---|---|',
    '| Azure | 2026-06-01 |',
    '| AWS | 2026-06-01 |',
    '| Google Cloud | 2026-05-18 |',
    '',
  ].join('\n');
  assert.deepEqual(findingsByLine(front, body, '2026-04'), { 5: ['azure-first'] });
});

test('a home cloud with no date while another cloud has one does not come first', () => {
  const front = 'classification: non-api\nserved-on: [azure, gcp]\nlaunch: 2026-05-01';
  const body = 'The app goes live on Vertex AI in May. Azure timing is TBD.\n';
  assert.deepEqual(findingsByLine(front, body, '2026-04'), { 1: ['azure-first'] });
});

test("someone else's product, view or rejected option claims nothing about ours", () => {
  const front = 'classification: api\nserved-on: [azure]';
  const body = [
    'Unlike Claude on Bedrock, our API is served from Azure.',
    '',
    'Industry analysts expect us to offer the API on Bedrock within a year.',
    '',
    'A Google Cloud deployment of the API was proposed and turned down.',
    '',
    '| Option | Where | Outcome |',
    '|---|---|---|',
    '| Warm API standby | AWS us-east-1 | rejected: no quota |',
    '',
    '> "API products developed with third parties will be exclusive to Azure."',
    '',
    'Partner marketing used "the API on Bedrock" in a draft deck.',
    '',
    'The API previously ran on a GCP notebook.',
    '',
  ].join('\n');
  assert.deepEqual(findingsByLine(front, body, '2025-10'), {});
});

test('a venue we say we run is ours, even where the words before it would make it an origin', () => {
  const front = 'classification: api\nserved-on: [azure, aws]';
  assert.deepEqual(findingsByLine(front, 'Thumbnails come from a Lambda function we maintain.\n\nRequests come from AWS accounts.\n', '2025-10'), { 1: ['api-exclusivity'] });
});

test('a conditional commitment counts', () => {
  const front = 'classification: api\nserved-on: [azure, coreweave]';
  assert.deepEqual(findingsByLine(front, 'If Azure cannot absorb the spike, API overflow goes to CoreWeave.\n', '2025-10'), { 1: ['api-exclusivity'] });
});

test('data in a storage service is tied only by a verb that puts it there', () => {
  const front = 'classification: non-api\nserved-on: [azure]';
  const body = [
    'Customers can point a job at audio in Amazon S3; we never keep a copy outside Azure.',
    '',
    'Crash screenshots are kept for 14 days in a Google Cloud Storage bucket.',
    '',
  ].join('\n');
  assert.deepEqual(findingsByLine(front, body, '2019-07'), { 3: ['declaration-mismatch', 'exclusive-cloud'] });
});

test('declarations are contradicted only where it matters: the home cloud and its APIs change nothing', () => {
  const front = 'classification: non-api\nserved-on: [gcp]';
  const body = [
    'Model inference is proxied to Azure OpenAI in East US 2.',
    '',
    'This is not a developer platform; developers keep using the Azure endpoint.',
    '',
    'The sync worker runs on AWS.',
    '',
  ].join('\n');
  assert.deepEqual(findingsByLine(front, body, '2025-10'), { 5: ['declaration-mismatch', 'non-api-carve-out'] });
});

test('the audience a statement names wins over the front matter', () => {
  const front = 'classification: api\nserved-on: [azure, aws]\ncustomers: [us-national-security]';
  const body = [
    'The U.S. Space Force reaches the API through AWS GovCloud, hosted in us-gov-west-1.',
    '',
    'A Department of Education edition of the API is hosted on AWS.',
    '',
  ].join('\n');
  assert.deepEqual(findingsByLine(front, body, '2025-10'), { 1: ['natsec-carve-out'], 3: ['api-exclusivity'] });
});

test('a listed cloud continues the claim before it, and a surface placed elsewhere stays there', () => {
  const front = 'served-on: [azure, aws, oci]\ncustomers: [us-national-security]';
  assert.deepEqual(findingsByLine(front, 'The API is served from Azure Government, AWS GovCloud and Oracle Cloud.\n', '2025-10'), { 1: ['natsec-carve-out'] });
  const lease = 'classification: api\nserved-on: [azure, coreweave]';
  assert.deepEqual(findingsByLine(lease, 'We will sign two CoreWeave leases, and keep the API on Azure.\n', '2025-10'), {});
});

test('an open-weight release is read from a verb and its object', () => {
  const front = 'classification: non-api\nserved-on: [azure]';
  const body = 'We will publish the full weights of Tern-7B on Hugging Face.\n\nThe weights of the internal checkpoint will not be published.\n';
  assert.deepEqual(findingsByLine(front, body, '2025-10'), { 1: ['open-weights-criteria'] });
});

test('a statement naming venues and surfaces thousands of times is read in linear time', () => {
  const profile = loadBuiltinProfile();
  const scopes = "no API, unlike Cursor, which serves from AWS, H100s rented from CoreWeave, DLA's own AWS, a prior pilot, ";
  for (const unit of ['the app and API on Lambda ', '| API | hosted on AWS in May ', scopes]) {
    const text = `---\nclassification: api\n---\nWe ${unit.repeat(20000)}\n`;
    const started = performance.now();
    const analysis = analyze(text, profile, { regime: '2025-10', today: '2026-11-26' });
    assert.ok(performance.now() - started < 5000, `${unit.trim()}: took too long`);
    assert.ok(analysis.findings.every((finding) => finding.evidence.length <= 24));
  }
});

test('a statement opening with a pronoun places what the statement before it named', () => {
  const front = 'product: Remix\nlaunch: 2025-12-01';
  const intro = 'Remix is a mobile app for clips.\n\n';
  // Without an antecedent the tie stands for both surfaces the document names, and only the undetermined classification is flagged (last case).
  assert.deepEqual(findingsByLine(front, `${intro}The Remix API lets partners post clips with an API key. It runs on GKE in us-east4.\n`), {
    3: ['api-exclusivity', 'classification-undetermined'],
  });
  assert.deepEqual(findingsByLine(front, `${intro}The Remix API lets partners post clips with an API key.\n\nThe mobile app lets people trim clips. It runs on GKE in us-east4.\n`), {
    5: ['classification-undetermined', 'non-api-carve-out'],
  });
  // A pronoun across a section break refers to nothing this reader can see.
  assert.deepEqual(findingsByLine(front, `${intro}The Remix API lets partners post clips with an API key.\n\n## Hosting\nIt runs on GKE in us-east4.\n`), {
    6: ['classification-undetermined'],
  });
});

test('Azure named under a negation does not come first', () => {
  const front = 'classification: non-api\nserved-on: [gcp]';
  assert.deepEqual(findingsByLine(front, 'The desktop app is served from Google Cloud; an Azure build is not planned.\n', '2026-04'), { 1: ['azure-first'] });
  // The same placement with Azure first is fine.
  assert.deepEqual(findingsByLine(front, 'The desktop app ships first on Azure and is also served from Google Cloud.\n', '2026-04'), {});
});

test('options turned down in a heading or a passive, and rivals in the possessive, claim nothing', () => {
  const front = 'classification: non-api\nserved-on: [azure]\nlaunch: 2024-06-01';
  assert.deepEqual(findingsByLine(front, '## Considered, not pursued\n- Hosting the app on AWS Graviton.\n'), {});
  assert.deepEqual(findingsByLine(front, 'A plan to host the app on AWS was drafted and then withdrawn.\n'), {});
  assert.deepEqual(findingsByLine(front, 'A second region on Google Cloud was proposed and dropped.\n'), {});
  assert.deepEqual(findingsByLine(front, "A rival's assistant app runs on Google Cloud.\n"), {});
  assert.deepEqual(findingsByLine(front, "The assistant app showed up on Google Cloud last spring; that was Google's hosting, not ours.\n"), {});
  // The same placements, said of our product, are flagged.
  assert.deepEqual(findingsByLine(front, '## Considered\n- Hosting the app on AWS Graviton.\n'), { 2: ['declaration-mismatch', 'exclusive-cloud'] });
  assert.deepEqual(findingsByLine(front, 'Our assistant app runs on Google Cloud.\n'), { 1: ['declaration-mismatch', 'exclusive-cloud'] });
});

test('callers on another cloud do not place a product served on Azure', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-11-01';
  assert.deepEqual(findingsByLine(front, 'Retail partners keep calling our Azure endpoint through Amazon Connect flows.\n'), {});
  assert.deepEqual(findingsByLine(front, 'Retail partners reach our endpoint inside AWS.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
});

test("someone else's view, its holder a few words before its verb, claims nothing", () => {
  const front = 'classification: non-api\nserved-on: [azure]';
  assert.deepEqual(findingsByLine(front, 'Observers at two research firms predict the app will move to Google Cloud.\n', '2026-04'), {});
  assert.deepEqual(findingsByLine(front, 'Another expects the app to land on Google Cloud first.\n', '2026-04'), {});
  // Our own expectation is a plan.
  assert.deepEqual(findingsByLine(front, 'We expect the app to be served from Google Cloud in May.\n', '2026-04'), { 1: ['azure-first', 'declaration-mismatch'] });
});

test('an audience one statement names is not the audience of another', () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2025-12-01';
  const body = 'A GovCloud edition for the Department of Defense is served from AWS GovCloud.\n\nThe public API is also served from AWS us-east-1.\n';
  assert.deepEqual(findingsByLine(front, body), { 1: ['natsec-carve-out'], 3: ['api-exclusivity'] });
});

test('a table row whose status cell turns the option down claims nothing', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-11-01';
  const table = (status: string): string => `| # | Task | Status |\n|---|---|---|\n| 4 | Serve the batch API from Google Cloud | ${status} |\n`;
  assert.deepEqual(findingsByLine(front, table('dropped')), {});
  assert.deepEqual(findingsByLine(front, table('cut')), {});
  assert.deepEqual(findingsByLine(front, table('done')), { 3: ['api-exclusivity', 'declaration-mismatch'] });
});

test('capacity named right after a venue says where, not what', () => {
  const front = 'classification: non-api\nserved-on: [azure, gcp]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, 'Agent sessions run on GKE clusters in us-east4.\n'), { 1: ['non-api-carve-out'] });
  // Capacity that is the subject stays the subject.
  assert.deepEqual(findingsByLine('served-on: [azure]\nlaunch: 2025-06-01', 'We reserve 2,000 GPUs on CoreWeave for the spring.\n'), { 1: ['declaration-mismatch', 'rofr-capacity'] });
});

test('a site a table names on a venue places what later statements put there by name', () => {
  const front = 'classification: non-api\nserved-on: [azure, coreweave]\nlaunch: 2025-12-01';
  const table = (provider: string): string => `| Lease | Provider | Racks |\n|---|---|---|\n| Lease B | ${provider} | 40 |\n\n`;
  const use = 'Image generation for free users will be served from Lease B in January.\n';
  assert.deepEqual(findingsByLine(front, table('CoreWeave') + use), { 3: ['non-api-carve-out'], 5: ['non-api-carve-out'] });
  // A name under a header that names the kind of site: "Overflow" under "Pool" is the overflow pool.
  const pools = '| Pool | Provider |\n|---|---|\n| Overflow | CoreWeave |\n\nThe desktop app is served from the overflow pool at peak.\n';
  assert.deepEqual(findingsByLine(front, pools)[5], ['non-api-carve-out']);
  // The same sentence without the table places nothing, and a name given to two venues names neither.
  assert.deepEqual(findingsByLine(front, use), {});
  const twice = `${table('CoreWeave')}| Lease | Provider | Racks |\n|---|---|---|\n| Lease B | Google Cloud | 10 |\n\n${use}`;
  assert.equal(findingsByLine(front, twice)[9], undefined);
});

test('an open classification is flagged where the spec describes both surfaces', () => {
  const front = 'product: Ledger\nlaunch: 2025-12-01';
  const body = 'Ledger has two surfaces: a web workspace for controllers and a REST API for ERP vendors.\n\nLedger is served from AWS us-east-1.\n';
  assert.deepEqual(findingsByLine(front, body), { 1: ['classification-undetermined'] });
  // A statement that itself places both off the home cloud is the place.
  const placed = 'Ledger has two surfaces: a web workspace for controllers and a REST API for ERP vendors.\n\nThe web workspace and the REST API are served from AWS us-east-1.\n';
  assert.ok(findingsByLine(front, placed)[3].includes('classification-undetermined'));
  assert.equal(findingsByLine(front, placed)[1], undefined);
});

test('a share of traffic under a header naming a venue places that share there', () => {
  const front = 'classification: non-api\nserved-on: [azure, aws]\nlaunch: 2024-07-01';
  const body = '| Phase | Share on Azure | Share on AWS |\n|---|---|---|\n| 1 | 25% | 75% |\n| 3 | 100% | 0% |\n';
  assert.deepEqual(findingsByLine(front, body), { 3: ['exclusive-cloud'] });
});

test('capacity taken from a provider is placed there', () => {
  const front = 'served-on: [azure]\nlaunch: 2025-06-01';
  assert.deepEqual(findingsByLine(front, 'Finance approved a block of 300 A100s from CoreWeave for the spring.\n'), { 1: ['declaration-mismatch', 'rofr-capacity'] });
  // Data from a provider is not capacity there.
  assert.deepEqual(findingsByLine(front, 'Finance approved a feed of invoices from CoreWeave for the spring.\n'), {});
});

test('a statement that puts one venue after another launches on the other', () => {
  const front = 'classification: non-api\nserved-on: [azure, gcp]';
  assert.deepEqual(findingsByLine(front, 'The GKE preview pool opens a month ahead of Azure for design partners.\n', '2026-04'), { 1: ['azure-first'] });
  // Without an order word the venue stays unplaced.
  assert.deepEqual(findingsByLine(front, 'The GKE preview pool opens for design partners.\n', '2026-04'), {});
});

test('a roadmap table with a column per quarter orders each row by its own cells', () => {
  const front = 'classification: api\nserved-on: [azure, aws, coreweave]';
  const body = [
    '| surface | Q2 2026 | Q3 2026 |',
    '|---|---|---|',
    '| Responses API | Azure AI Foundry GA | Amazon Bedrock GA |',
    '| Agents API | Amazon Bedrock preview | Azure AI Foundry GA |',
    '| Batch API | | CoreWeave tenancy |',
    '',
  ].join('\n');
  assert.deepEqual(findingsByLine(front, body, '2026-04'), { 4: ['azure-first'], 5: ['azure-first'] });
});

test("a plural possessive in a phrase matches as the text spells it (\"customers' own\")", () => {
  const front = 'classification: non-api\nserved-on: [azure]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, "Customers' own apps run on AWS.\n"), {});
  assert.deepEqual(findingsByLine(front, 'Our own apps run on AWS.\n'), { 1: ['declaration-mismatch', 'non-api-carve-out'] });
});

test('a table row is one claim: a hosting word in one cell places the venue named in another', () => {
  const front = 'classification: non-api\nserved-on: [azure]\nlaunch: 2025-12-01';
  const row = (purpose: string): string => `| Sub-processor | Entity | Purpose |\n|---|---|---|\n| Oracle Corporation | Oracle Nederland B.V. | ${purpose} |\n`;
  assert.deepEqual(findingsByLine(front, row('Hosting of the search index')), { 3: ['declaration-mismatch', 'non-api-carve-out'] });
  assert.deepEqual(findingsByLine(front, row('Payroll services')), {});
});

test('under "Options considered" only the option taken claims', () => {
  const front = 'classification: api\nserved-on: [azure, coreweave]\nlaunch: 2025-06-01';
  const body = '## Options considered\n\n| Option | Capacity | Status |\n|---|---|---|\n| A | 2,048 H100s reserved at Oracle | Declined |\n| B | 2,048 H100s reserved at CoreWeave | Accepted |\n';
  assert.deepEqual(findingsByLine(front, body), { 6: ['rofr-capacity'] });
});

test('an open question someone asks is not a decision', () => {
  const front = 'classification: non-api\nserved-on: [azure]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, 'Partners keep asking whether we could open a sync API on AWS later.\n'), {});
});

test('a site named in prose places what later statements put there by name', () => {
  const front = 'classification: non-api\nserved-on: [azure, gcp, coreweave]\nlaunch: 2025-12-01';
  const named = (definition: string, use: string): Record<number, string[]> => findingsByLine(front, `${definition}\n\n${use}\n`);
  // After a naming phrase, with the venue named nearest.
  assert.deepEqual(named('The editor stays on Azure; a second footprint on Google Cloud in europe-west4 is called Heron.', 'Heron picks up EU sessions of the desktop app on day one.')[3], ['non-api-carve-out']);
  // As what a site noun describes.
  assert.deepEqual(named('Tidepool, a 64-GPU pool we lease from CoreWeave, starts in July.', 'The desktop app is served from Tidepool.')[3], ['non-api-carve-out']);
  // Before a parenthesis that opens with the venue.
  assert.deepEqual(named('Cells: Marsh (us-central1) and Delta (eastus2).', 'The desktop app runs in Marsh.')[3], ['non-api-carve-out']);
  // Given where no venue is named, then placed by the first statement that opens with it.
  assert.deepEqual(named('The desktop app keeps its memory in a service we call Hearth.\n\nHearth runs on GKE in us-central1.', 'The desktop app keeps its reminders inside Hearth.')[5], ['non-api-carve-out']);
  // A use that only mentions the name places nothing, and a parenthesis that does not open with a venue names nothing.
  assert.equal(named('Tidepool, a 64-GPU pool we lease from CoreWeave, starts in July.', 'Review the desktop app with Tidepool data.')[3], undefined);
  assert.equal(named('The Atlas app (web and desktop) ships in May on Azure.', 'Atlas handles the desktop app sessions.')[3], undefined);
});

test('a home cloud that has had it "since" an earlier date came first', () => {
  const front = 'classification: api\nserved-on: [aws]';
  assert.deepEqual(findingsByLine(front, 'Batch jobs now also run on AWS us-east-1; Azure has run batch since 5.0.\n', '2026-04'), {});
  assert.deepEqual(findingsByLine(front, 'Batch jobs now also run on AWS us-east-1.\n', '2026-04'), { 1: ['azure-first'] });
});

test('a classified region is a venue whose audience is national security', () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, 'Under the option the Offeror will extend the same API to the AWS Top Secret region.\n'), { 1: ['natsec-carve-out'] });
  assert.deepEqual(findingsByLine(front, 'Under the option the Offeror will extend the same API to AWS us-east-1.\n'), { 1: ['api-exclusivity'] });
});

test('a GPU cloud named like an AWS service is its own venue', () => {
  const front = 'served-on: [azure]\nlaunch: 2025-06-01';
  const venues = (text: string): string[] =>
    analyze(`---\n${front}\n---\n${text}\n`, loadBuiltinProfile(), { today: '2026-11-26' }).statements.filter((statement) => statement.kind !== 'front-matter').flatMap((statement) => statement.facets.ties.map((tie) => tie.cloud));
  assert.deepEqual(venues('We rent 512 A100s from Lambda Labs for the spring.'), ['lambda-labs']);
  assert.deepEqual(venues('Thumbnails are served by a Lambda function we maintain.'), ['aws']);
});

test("a finding's message names every venue its statement places the product on", () => {
  const text = '---\nclassification: api\nserved-on: [azure, aws, gcp]\nlaunch: 2025-12-01\n---\nThe API is served from AWS us-east-1 and from Google Cloud.\n';
  const findings = analyze(text, loadBuiltinProfile(), { today: '2026-11-26' }).findings.filter((finding) => finding.rule === 'api-exclusivity');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /Amazon Web Services and Google Cloud/);
});

test('a table cell that dates each venue it names orders them by their own dates', () => {
  const front = 'classification: non-api\nserved-on: [azure, aws]';
  const body = '| Product | Where |\n|---|---|\n| Atlas Sync | AWS us-east-1 from 2026-06-01; Azure eastus2 from 2026-08-03 |\n| Atlas Web | Azure eastus2 from 2026-05-01; AWS us-east-1 from 2026-06-01 |\n';
  assert.deepEqual(findingsByLine(front, body, '2026-04'), { 3: ['azure-first'] });
});

test('a site that opens a clause is at work there', () => {
  const front = 'classification: non-api\nserved-on: [azure, gcp]\nlaunch: 2025-12-01';
  const body = 'Cells: Marsh (us-central1) and Delta (eastus2).\n\nFor everyone else, Marsh is the default home of the desktop app.\n';
  assert.deepEqual(findingsByLine(front, body)[3], ['non-api-carve-out']);
});

test('a status cell that turns an option down, with its reason, voids its row', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-06-01';
  const row = (status: string): string => `| Option | Capacity | Status |\n|---|---|---|\n| C | 16,000 GPUs at Oracle Abilene | ${status} |\n`;
  assert.deepEqual(findingsByLine(front, row('declined: fabric not ready')), {});
  assert.deepEqual(findingsByLine(front, row('withdrawn, pricing')), {});
  assert.deepEqual(findingsByLine(front, row('signed: racks in October')), { 3: ['declaration-mismatch', 'rofr-capacity'] });
});

test('"now" is the present; a primary venue is there already; a date in a venue\'s own clause is its own', () => {
  const values = (text: string): number[] => findDates(text, { start: 0, end: text.length }).map((date) => date.value);
  assert.deepEqual(values('now in preview on Vertex AI'), [AT_LAUNCH]);
  assert.deepEqual(values('six months from now; until now'), []);
  const front = 'classification: api\nserved-on: [azure, gcp]';
  assert.deepEqual(findingsByLine(front, 'The video API is now in limited preview on Vertex AI, and the Azure version is scheduled for next quarter.\n'), { 1: ['azure-first'] });
  const update = (primary: string): string => `- The web tier now also runs out of Google Cloud as a second site${primary}.\n- Tasks GA on Google Cloud on 16 Jun; Azure regions on 7 Jul.\n`;
  assert.deepEqual(findingsByLine('classification: non-api', update(' (Azure stays primary)')), { 2: ['azure-first'] });
  assert.deepEqual(findingsByLine('classification: non-api', update('')), { 1: ['azure-first'], 2: ['azure-first'] });
});

test("an audience word an audience owns in the possessive is not a second audience (\"the Army's enterprise workspace\")", () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2026-03-15';
  assert.deepEqual(findingsByLine(front, "API access for the Army's enterprise workspace moves to AWS GovCloud in August.\n"), { 1: ['natsec-carve-out'] });
  assert.deepEqual(findingsByLine(front, 'API access for the Army and enterprise workspaces moves to AWS GovCloud in August.\n'), { 1: ['api-exclusivity'] });
});

test('an audience that gets the product from a venue is served there, and only a venue after the frame counts', () => {
  const front = 'classification: api\nserved-on: [azure, oci]\nlaunch: 2026-03-15';
  assert.deepEqual(findingsByLine(front, "DoD IL5 tenants get the same API from Oracle's government cloud in Ashburn.\n"), { 1: ['natsec-carve-out'] });
  assert.deepEqual(findingsByLine(front, 'Oracle customers get the same API at a lower price.\n'), {});
  // As a heading word the verb says nothing of its section.
  assert.deepEqual(findingsByLine(front, '## What customers get\n\n- Usage shows up on the customer\'s Oracle bill.\n'), {});
});

test('a common audience word after a proper-named audience is that audience\'s ("the Army enterprise pilot")', () => {
  const front = 'classification: api\nserved-on: [azure, oci]\nlaunch: 2026-03-15';
  assert.deepEqual(findingsByLine(front, 'The Army enterprise pilot gets the endpoint from Oracle Cloud at IL5.\n'), { 1: ['natsec-carve-out'] });
});

test('a home venue the statement leaves without a date comes after the venue it dates', () => {
  const front = 'classification: api\nserved-on: [azure, gcp]\nlaunch: 2026-07-08';
  const item = (azure: string): string => `The chat API went live on Azure on 1 March.\n\n- The video API opens on Vertex AI in us-central1 on 15 September. ${azure}\n`;
  assert.deepEqual(findingsByLine(front, item('An Azure launch depends on GPU allocation and has no date yet.')), { 3: ['azure-first'] });
  assert.deepEqual(findingsByLine(front, item('An Azure launch is planned for 1 September.')), {});
});

test('under a header naming a venue, "not planned" retracts that venue alone', () => {
  const body = [
    '| surface | Azure | AWS | Google Cloud |',
    '|---|---|---|---|',
    '| Search connector | not planned | not planned | 2026-12-01 on Cloud Run |',
    '| Files API | 2026-10-01 | not planned | 2026-12-01 on Cloud Run |',
  ].join('\n');
  assert.deepEqual(findingsByLine('served-on: [azure, gcp]', `${body}\n`), { 3: ['azure-first'] });
});

test('a place a site noun is at names a site of the venue its statement names ("at its Ishikari campus")', () => {
  const front = 'served-on: [azure]\nlaunch: 2024-09-01';
  const body = 'Speech recognition runs on a GPU cluster we rented from Sakura Internet at its Ishikari campus.\n\nImage generation will also be served from the Ishikari cluster.\n\nThe Voice team met in Tokyo.\n';
  const found = findingsByLine(front, body);
  assert.deepEqual(found[3], ['declaration-mismatch', 'exclusive-cloud']);
  assert.equal(found[5], undefined);
});

test('a section headed "About" a venue is that company\'s description, not a claim of ours', () => {
  const front = 'served-on: [azure]\nlaunch: 2024-09-01';
  assert.deepEqual(findingsByLine(front, '### About CoreWeave\n\nCoreWeave operates data centres in New Jersey and Texas and hosts GPU workloads for AI labs.\n'), {});
  assert.deepEqual(findingsByLine(front, '### Where it runs\n\nCoreWeave hosts the voice workload in New Jersey.\n'), { 3: ['declaration-mismatch', 'exclusive-cloud'] });
});

test('a short parenthesis after a venue qualifies it and ends no clause ("AWS GovCloud (US-West) deployment")', () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2026-03-15';
  assert.deepEqual(findingsByLine(front, '- Ratify the AWS GovCloud (US-West) deployment of the API for DoD and IC customers.\n'), { 1: ['natsec-carve-out'] });
  // A longer aside is a clause of its own.
  assert.deepEqual(findingsByLine(front, '- Ratify the AWS GovCloud (which the agencies already use for their own records) deployment of the API for DoD.\n'), {});
});

test('a relative clause after a contrast is the rival\'s; an option being weighed and last quarter\'s move claim nothing', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2026-01-10';
  assert.deepEqual(findingsByLine(front, 'Unlike Cursor and Windsurf, which both serve completions from AWS, the combined product will standardise on Azure.\n'), {});
  assert.deepEqual(findingsByLine(front, 'Unlike the old plan, the completions API is served from AWS.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
  assert.deepEqual(findingsByLine(front, 'We are also evaluating a Google Cloud deployment of the API; no decision has been made.\n'), {});
  assert.deepEqual(findingsByLine(front, 'Last quarter we pulled the API jobs off AWS and back onto Azure.\n'), {});
  assert.deepEqual(findingsByLine(front, 'In the last quarter of 2026 the API is served from AWS.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
});

test("a possessive before \"own\" makes the rest of the clause someone else's (\"DLA's own AWS accounts\")", () => {
  const front = 'classification: api\nserved-on: [azure]\ncustomers: [us-national-security]\nlaunch: 2026-01-10';
  assert.deepEqual(findingsByLine(front, "Agency applications running in DLA's own AWS accounts may call the Azure Government endpoint.\n"), {});
  assert.deepEqual(findingsByLine(front, 'Agency applications running in our own AWS accounts serve the API.\n'), { 1: ['declaration-mismatch', 'natsec-carve-out'] });
});

test('an adverb inside a verb phrase leaves it whole ("runs entirely in")', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-06-01';
  assert.deepEqual(findingsByLine(front, 'The endpoint runs entirely in AWS regions.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
  assert.deepEqual(findingsByLine(front, 'The endpoint runs daily reports about AWS regions.\n'), {});
});

test('a statement that denies a surface places something of the class it leaves ("there is no API surface involved")', () => {
  const front = 'product: Tasks\nserved-on: [azure, gcp]\nlaunch: 2026-03-10';
  const body = 'The Tasks API is billed per token.\n\nThe desktop app syncs settings.\n\nThe settings index keeps running on Google Cloud through Q3; there is no API surface involved.\n';
  // The classification is still open, so it is flagged either way; only the denial says what the index is.
  assert.deepEqual(findingsByLine(front, body), { 5: ['classification-undetermined', 'first-party-azure'] });
  assert.deepEqual(findingsByLine(front, body.replace('; there is no API surface involved', '')), { 5: ['classification-undetermined'] });
});

test('a participle before a venue describes it; the verb before it is the action ("bursts to a reserved CoreWeave pool")', () => {
  const front = 'classification: non-api\nserved-on: [gcp]\nlaunch: 2026-01-10';
  assert.deepEqual(findingsByLine(front, 'During launch week, overflow screening bursts to a reserved CoreWeave pool in Las Vegas.\n'), {
    1: ['declaration-mismatch', 'non-api-carve-out'],
  });
  // Reserved capacity alone serves nothing there: no product is placed, and no `served-on` is contradicted.
  assert.deepEqual(findingsByLine(front, 'We have a reserved CoreWeave pool in Las Vegas.\n'), {});
});

test("an editor's note in a heading's brackets retracts nothing; a label line ending in a colon is a sentence of its own", () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2025-06-01';
  assert.deepEqual(findingsByLine(front, '# Listing: DRAFT (do not submit)\n\nThe endpoint is hosted in AWS regions.\n'), { 3: ['api-exclusivity'] });
  assert.deepEqual(findingsByLine(front, '# Listing we do not submit\n\nThe endpoint is hosted in AWS regions.\n'), {});
  assert.deepEqual(findingsByLine(front, '**Short description:**\nThe endpoint is hosted in AWS regions.\n'), { 2: ['api-exclusivity'] });
});

test('a home venue whose own date is unset ships after the venues that have one ("| Azure port not scheduled |")', () => {
  const body = '| Service | Where it runs | Azure |\n|---|---|---|\n| scribe | Google Cloud us-central1 only | Azure port not scheduled |\n';
  assert.deepEqual(findingsByLine('classification: non-api\nserved-on: [azure, gcp]', body), { 3: ['azure-first'] });
  assert.deepEqual(findingsByLine('classification: non-api\nserved-on: [azure, gcp]', body.replace('Azure port not scheduled', 'Azure port live')), {});
});

test('an opening phrase that sets the past reaches into the clause it introduces ("Under a prior pilot, …")', () => {
  const front = 'classification: api\nserved-on: [azure]\ncustomers: [us-national-security]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, "Under a prior Army pilot, the service operated on Google Cloud and was migrated to Azure Government.\n"), {});
  assert.deepEqual(findingsByLine(front, 'Under the Army pilot, the service operates on Google Cloud.\n'), { 1: ['declaration-mismatch', 'natsec-carve-out'] });
});

test('a statement that places the product on the home venue beside others, undated, describes where it runs, not an order', () => {
  const front = 'classification: non-api\nserved-on: [azure, aws, gcp]\nlaunch: 2026-06-01';
  const body = 'Google Cloud goes live on 2026-05-18, before Azure on 2026-06-01.\n\nWorkers run as containers: AKS on Azure, EKS on AWS, GKE on Google Cloud.\n\nThe index runs on GKE.\n';
  assert.deepEqual(findingsByLine(front, body), { 1: ['azure-first'], 5: ['azure-first'] });
});

test('after a semicolon, a venue before a noun is no gapped placement ("; Azure customers get it later")', () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2026-06-01';
  assert.deepEqual(findingsByLine(front, 'The API goes live in Bedrock on 2026-06-01; Azure customers get it alongside the parity work.\n'), { 1: ['azure-first'] });
});

test('a name given only by the venue in parentheses after it names a site from there on, not before', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-06-01';
  const body = '| Sub-processor | Entity and location | Activity |\n|---|---|---|\n| Stripe | Stripe, Inc.; United States | Payment processing |\n| Snowflake | Snowflake Inc.; United States (AWS us-west-2) | Billing analytics |\n';
  const found = findingsByLine(front, body);
  assert.equal(found[3], undefined);
});

test('a table row that asks a question and answers "No" claims nothing', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-12-01';
  const row = (answer: string): string => `| # | Question | Answer |\n|---|---|---|\n| A.2 | Is any customer data processed or stored on Google Cloud? | ${answer} |\n`;
  assert.deepEqual(findingsByLine(front, row('No.')), {});
  assert.deepEqual(findingsByLine(front, row('Yes, in us-central1.')), { 3: ['api-exclusivity', 'declaration-mismatch'] });
});

test('what follows a colon after a rejection gives its reasons, not a claim', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, 'Option B was rejected: it would put an API surface on Google Cloud.\n'), {});
  assert.deepEqual(findingsByLine(front, 'Option A was rejected, and the API surface moves to Google Cloud.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
});

test('a header that asks ("| Stateful? |") says its words of a row only where the row answers yes', () => {
  const front = 'classification: api\nco-developed-with: [Amazon Web Services]\nserved-on: [azure, aws]\nlaunch: 2026-03-10';
  const body = '| Workstream | Surface | Stateful? | Serving cloud |\n|---|---|---|---|\n| Agent runtime | Runtime | Y | AWS (Bedrock) |\n| Model calls | API | N | AWS (Bedrock) |\n';
  const found = findingsByLine(front, body);
  assert.ok(found[3]?.includes('stateful-runtime'));
  assert.ok(!found[4]?.includes('stateful-runtime'));
});

test('traffic moved onto capacity rented from a provider is served there; a wound-down fleet and an account team are not', () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2025-06-01';
  assert.deepEqual(findingsByLine(front, 'The batch queue for the API drains onto 2,048 H100s rented directly from CoreWeave.\n'), {
    1: ['api-exclusivity', 'declaration-mismatch', 'rofr-capacity'],
  });
  assert.deepEqual(findingsByLine(front, 'We rented 2,048 H100s directly from CoreWeave.\n'), { 1: ['rofr-capacity'] });
  assert.deepEqual(findingsByLine(front, 'If Azure saturates, we will shed Responses API load to the CoreWeave pool.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
  assert.deepEqual(findingsByLine(front, 'The old API fleet on Google Cloud was wound down in October.\n'), {});
  assert.deepEqual(findingsByLine(front, '**Present:** S. Okafor (chair); guest J. Park (Google Cloud account team, item 1 only)\n'), {});
});

test('a negated list goes on past its commas while its items name no venue and no verb', () => {
  const front = 'classification: non-api\nserved-on: [azure]\nlaunch: 2025-12-01';
  assert.deepEqual(findingsByLine(front, 'Voice Notes has no public API, SDK or API key.\n'), {});
  assert.deepEqual(findingsByLine(front, 'Voice Notes has no public SDK, and the API runs on AWS.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
});

test('a row under a sub-processor header is that company\'s, unless the company named there is a venue', () => {
  const front = 'classification: api\nserved-on: [azure, oci]\nlaunch: 2025-06-01';
  const body = '| Sub-processor | Entity and location | Activity |\n|---|---|---|\n| Zendesk | Zendesk, Inc. (runs on AWS us-east-1) | Support ticketing |\n| CoreWeave | CoreWeave, Inc. | GPU inference capacity serving the API |\n';
  const found = findingsByLine(front, body);
  assert.equal(found[3], undefined);
  assert.ok(found[4]?.includes('api-exclusivity'));
});

test('in a table a venue in one header does not continue the list of the header before it', () => {
  const front = 'classification: api\nserved-on: [azure, aws]\nlaunch: 2026-06-09';
  const body = '| Train | Azure AI Foundry | Amazon Bedrock (us-east-1, eu-central-1) | Google Vertex AI (us-central1) |\n|---|---|---|---|\n| 3.1 | 2026-05-19 | 2026-05-19 | n/a |\n';
  assert.deepEqual(findingsByLine(front, body), {});
});

test("someone else's request, probes that measure us and 'nothing of ours' are no hosting claim", () => {
  const front = 'classification: api\nserved-on: [azure]\nlaunch: 2026-01-10';
  assert.deepEqual(findingsByLine(front, 'Amazon has asked to list the API in SageMaker JumpStart.\n'), {});
  assert.deepEqual(findingsByLine(front, 'External synthetic probes run from nodes in AWS regions.\n'), {});
  assert.deepEqual(findingsByLine(front, 'The nodes in AWS regions host nothing of ours.\n'), {});
  assert.deepEqual(findingsByLine(front, 'We list the API in SageMaker JumpStart.\n'), { 1: ['api-exclusivity', 'declaration-mismatch'] });
});

test('a home venue a statement names with a later date than the venue it places comes after it', () => {
  const front = 'classification: api\nserved-on: [azure, gcp]';
  const body = 'The Sora API went live on Vertex AI in May; the Azure listing is planned for September.\n';
  assert.deepEqual(findingsByLine(front, body), { 1: ['azure-first'] });
  assert.deepEqual(findingsByLine(front, body.replace('September', 'April')), {});
});

test('a home venue put aside by a contrast ("instead of Azure") is one the product does not ship on first', () => {
  const front = 'classification: non-api\nserved-on: [azure, gcp]';
  assert.deepEqual(findingsByLine(front, '- From September 8, the sandboxes run on GKE in us-central1 instead of Azure.\n'), { 1: ['azure-first'] });
  assert.deepEqual(findingsByLine(front, '- From September 8, the sandboxes run on GKE in us-central1 as well as on Azure.\n'), {});
});

test('checkpoints pushed to a hub are an open-weight release, and a hybrid product lends no release to other statements', () => {
  const front = 'classification: hybrid\nserved-on: [azure, gcp]\nlaunch: 2026-01-12';
  const body = '- Put the weights of the small model on Hugging Face under Apache-2.0.\n- The app runs on Azure and GKE.\n';
  assert.deepEqual(findingsByLine(front, body), { 1: ['open-weights-criteria'], 2: ['non-api-carve-out'] });
  assert.deepEqual(findingsByLine(front, '- bf16 checkpoints pushed to the Hugging Face Hub, public.\n'), { 1: ['open-weights-criteria'] });
});
