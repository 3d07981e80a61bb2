/**
 * Generates realistic product specs for benchmarks: front matter, headings,
 * prose with cloud and surface vocabulary (some of it negated, contrasted or
 * not about hosting), lists, tables, code blocks and waivers. Output is
 * deterministic for a seed, so every run measures the same text.
 *
 * A `realistic` spec is mostly product prose, with a hosting statement in
 * about one sentence, list item or table in four; that gives about one
 * finding per 15 lines, the density of the hand-written specs in
 * test/corpus/specs (which are themselves about hosting). A `dense` spec
 * talks about clouds in nearly every statement (one finding per 4 lines),
 * as a stress case.
 */

const PRODUCTS = ['Frontier Runtime', 'Atlas Sync', 'Realtime Voice', 'Codex Review', 'Sora Studio', 'Embeddings Pro', 'Agent Tasks'];
const CLOUDS = ['AWS', 'Amazon Bedrock', 'Google Cloud', 'Vertex AI', 'Oracle Cloud', 'CoreWeave', 'Azure', 'Azure OpenAI Service'];
const SURFACES = ['the API', 'the stateless endpoint', 'the SDK', 'the consumer app', 'the managed agents runtime', 'the desktop app', 'the batch API'];

const SENTENCES: ((choice: Pick) => string)[] = [
  (s: Pick) => `${cap(s.surface)} is served from ${s.cloud} regions in the EU and the US.`,
  (s: Pick) => `Customers sign in with their ${s.cloud} credentials through SAML federation.`,
  (s: Pick) => `${cap(s.surface)} will not be hosted on ${s.cloud} during the pilot.`,
  (s: Pick) => `We migrated the analytics pipeline off ${s.cloud} last quarter to cut egress costs.`,
  (s: Pick) => `Latency targets are p50 under 300 ms and p95 under 900 ms for ${s.surface}.`,
  () => `Support staff answer tickets within one business day, and escalations go to the on-call engineer.`,
  (s: Pick) => `${cap(s.surface)} runs on Azure instead of ${s.cloud} to keep data residency simple.`,
  () => `Pricing is billed per token, with volume discounts above ten million tokens a month.`,
  () => `The product team reviewed the launch checklist with legal, security and finance on Tuesday.`,
  (s: Pick) => `Unlike ${s.surface}, the admin console is available through ${s.cloud}.`,
  () => `Telemetry is sampled at one percent and kept for thirty days before deletion.`,
  () => `Enterprise customers can export their conversation history as JSON at any time.`,
];

/** Product prose that names no cloud: most of any real spec. */
const PLAIN_SENTENCES: string[] = [
  'The onboarding flow asks for a workspace name, a billing contact and the default data region.',
  'Success means a weekly active rate above forty percent among invited seats by the end of the quarter.',
  'Design reviews happen every Thursday, and open questions are tracked in the decision log.',
  'Admins can rotate keys, revoke sessions and download audit logs from the settings page.',
  'The first release supports English, Japanese and German, with more languages after launch.',
  'Error messages name the failing field and link to the relevant help article.',
  'We expect most traffic from teams of ten to fifty people who already use single sign-on.',
  'Usage dashboards refresh every five minutes and show spend against the monthly budget.',
  'Accessibility testing covers keyboard navigation, screen readers and high-contrast themes.',
  'The research team interviewed twenty-two customers, and most asked for shared workspaces.',
  'Notifications are batched so that nobody gets more than one email an hour.',
  'Feature flags let us turn the beta on per organisation without a deploy.',
];

const PLAIN_LIST_ITEMS: string[] = [
  '- Weekly active seats above forty percent.',
  '- Median time to first answer under two seconds.',
  '- Support for workspace-level retention settings.',
  '- Export of conversation history as JSON and PDF.',
  '- Dark mode and high-contrast themes at launch.',
];

const LIST_ITEMS: ((choice: Pick) => string)[] = [
  (s: Pick) => `- ${cap(s.surface)} is integrated with ${s.cloud} for partners in the pilot.`,
  () => `- Accessibility review before general availability.`,
  () => `- No customer data leaves the region selected at onboarding.`,
  () => `- Rate limits: 600 requests a minute per organisation.`,
  (s: Pick) => `- Import training files from S3 buckets or ${s.cloud} storage.`,
];

interface Pick {
  surface: string;
  cloud: string;
}

function cap(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

export interface SpecOptions {
  lines: number;
  seed: number;
  /** How often statements are about hosting; `realistic` unless given. */
  density?: 'realistic' | 'dense';
}

export function generateSpec({ lines, seed, density = 'realistic' }: SpecOptions): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const choice = (): Pick => ({ surface: pick(SURFACES), cloud: pick(CLOUDS) });
  // The chance that a statement or table is about hosting rather than plain product prose.
  const hosting = density === 'dense' ? 1 : 0.25;
  const sentence = (): string => (next() < hosting ? pick(SENTENCES)(choice()) : pick(PLAIN_SENTENCES));
  const listItem = (): string => (next() < hosting ? pick(LIST_ITEMS)(choice()) : pick(PLAIN_LIST_ITEMS));
  const out: string[] = [
    '---',
    `product: ${pick(PRODUCTS)}`,
    `classification: ${pick(['api', 'non-api', 'hybrid'])}`,
    `co-developed-with: ${pick(['[]', '[Amazon Web Services]'])}`,
    `served-on: ${pick(['[azure]', '[azure, aws]', '[aws]', '[gcp, azure]'])}`,
    'customers: [enterprise]',
    `launch: ${pick(['2025-03-18', '2025-11-20', '2026-03-15', '2026-06-01'])}`,
    '---',
    `# ${pick(PRODUCTS)}: product requirements`,
  ];
  let section = 0;
  while (out.length < lines) {
    section++;
    out.push('', `## ${pick(['Overview', 'Goals', 'Hosting', 'Architecture', 'Launch plan', 'Pricing', 'Risks', 'FAQ', 'Non-goals'])} ${section}`, '');
    const paragraphs = 1 + Math.floor(next() * 3);
    for (let p = 0; p < paragraphs; p++) {
      const sentences = 2 + Math.floor(next() * 4);
      // Prose is wrapped at about 100 characters, the way editors save it.
      const paragraph = Array.from({ length: sentences }, sentence).join(' ');
      out.push(...paragraph.match(/.{1,110}(\s|$)/g)!.map((line) => line.trimEnd()), '');
    }
    const roll = next();
    if (roll < 0.35) {
      const items = 3 + Math.floor(next() * 4);
      for (let i = 0; i < items; i++) out.push(listItem());
      out.push('');
    } else if (roll < 0.6 && next() >= hosting) {
      out.push('| Milestone | Owner | Quarter |', '|---|---|---|');
      const rows = 3 + Math.floor(next() * 5);
      for (let i = 0; i < rows; i++) out.push(`| ${pick(['Private beta', 'Pricing review', 'Security review', 'General availability', 'Docs freeze'])} | ${pick(['Product', 'Legal', 'Security', 'Docs'])} | Q${1 + Math.floor(next() * 4)} |`);
      out.push('');
    } else if (roll < 0.6) {
      out.push('| Surface | Cloud | Launch |', '|---|---|---|');
      const rows = 3 + Math.floor(next() * 5);
      for (let i = 0; i < rows; i++) out.push(`| ${cap(pick(SURFACES))} | ${pick(CLOUDS)} | Q${1 + Math.floor(next() * 4)} |`);
      out.push('');
    } else if (roll < 0.75) {
      out.push('```bash', `aws bedrock invoke-model --model-id example --region us-east-1`, `gcloud ai endpoints list`, '```', '');
    } else if (roll < 0.85) {
      out.push('<!-- carveout-waive api-exclusivity: approved by Dana Reyes on 2026-03-02, expires 2027-09-30, ref LEGAL-1412 -->');
      out.push(`The batch API is served from ${pick(CLOUDS)} for the pilot customers.`, '');
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}
