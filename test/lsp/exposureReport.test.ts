/**
 * The exposure report builder on real analyses of small specs: exact lines
 * for the header, the summary table, the clause groups, the document checks,
 * the waivers and the specs that were not checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { LineMap } from '../../server/src/core/lineMap';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { buildExposureReport, type ReportedSpec } from '../../server/src/report/exposureReport';
import { GCP_SPEC, WAIVER_SPEC } from './fixtures';

const profile = loadBuiltinProfile();
const TODAY = '2026-05-01';

const INCOMPLETE_SPEC = `---
classification: api
launch: 2026-03-15
---
<!-- carveout-waive api-exclusivity: approved by <approver> -->
The API | runs on AWS.
`;

function spec(path: string, text: string): ReportedSpec {
  return { path, profile, lines: new LineMap(text), analysis: analyze(text, profile, { today: TODAY }) };
}

/** The lines a clause group opens with, from the profile's data. */
function clauseLines(id: string): string[] {
  const clause = profile.clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`No clause ${id}.`);
  const lines = [`### ${clause.id}: ${clause.title}`, ''];
  if (clause.quote) lines.push(`> "${clause.quote}"`, '');
  lines.push(`- Source: ${clause.source.title}, ${clause.source.publisher}, ${clause.source.date}${clause.source.url ? ` (${clause.source.url})` : ''}`);
  lines.push(`- Regime: ${clause.regime}`, `- Confidence: ${clause.confidence}`, '');
  return lines;
}

describe('exposure report', () => {
  it('lists every finding under each clause it cites, document checks without a clause, and every waiver with its status', () => {
    const gcp = spec('specs/gcp.pspec.md', GCP_SPEC);
    const waivers = spec('specs/waivers.pspec.md', WAIVER_SPEC);
    const incomplete = spec('specs/incomplete.pspec.md', INCOMPLETE_SPEC);
    const report = buildExposureReport({ today: TODAY, specs: [gcp, waivers, incomplete], skipped: [{ path: 'big.pspec.md', reason: 'it is too large' }] });

    const message = (report: ReportedSpec, rule: string, index = 0) => report.analysis.findings.filter((f) => f.rule === rule)[index].message;
    const findingLines = [
      `- \`specs/gcp.pspec.md:6\` \`api-exclusivity\` (error): ${message(gcp, 'api-exclusivity')}`,
      `- \`specs/waivers.pspec.md:7\` \`api-exclusivity\` (error): ${message(waivers, 'api-exclusivity')}`,
      '  - Waived: approved by Dana Lee on 2026-03-02, expires 2099-09-30, ref LEGAL-1412 (active)',
      `- \`specs/waivers.pspec.md:9\` \`api-exclusivity\` (error): ${message(waivers, 'api-exclusivity', 1)}`,
      `- \`specs/incomplete.pspec.md:6\` \`api-exclusivity\` (error): ${message(incomplete, 'api-exclusivity').replace(/\|/g, '\\|')}`,
      '',
    ];
    const cited = gcp.analysis.findings[0].clauses;
    const clauseOrder = profile.clauses.map((c) => c.id).filter((id) => cited.includes(id));

    assert.deepEqual(report.markdown.split('\n'), [
      '# Carveout exposure report',
      '',
      '- Date: 2026-05-01',
      '- Profile: Microsoft–OpenAI cloud terms (public record) (`microsoft-openai`)',
      '- Specs checked: 3; not checked: 1',
      '',
      `> This report is not legal advice. ${profile.disclaimer}`,
      '',
      '## Summary',
      '',
      '| Spec | Regime | Classification | Errors | Warnings | Information | Hints | Waived |',
      '|---|---|---|---:|---:|---:|---:|---:|',
      '| `specs/gcp.pspec.md` | 2026-02 (launch 2026-03-15) | api | 1 | 0 | 0 | 0 | 0 |',
      '| `specs/waivers.pspec.md` | 2026-02 (launch 2026-03-15) | api | 1 | 1 | 0 | 1 | 1 |',
      '| `specs/incomplete.pspec.md` | 2026-02 (launch 2026-03-15) | api | 1 | 1 | 0 | 0 | 0 |',
      '| **Total** | | | 3 | 2 | 0 | 1 | 1 |',
      '',
      '## Findings by clause',
      '',
      ...clauseOrder.flatMap((id) => [...clauseLines(id), ...findingLines]),
      '## No clause',
      '',
      'Document checks: front matter, consistency and waivers.',
      '',
      `- \`specs/waivers.pspec.md:8\` \`waiver-expired\` (warning): ${message(waivers, 'waiver-expired')}`,
      `- \`specs/waivers.pspec.md:10\` \`waiver-unused\` (hint): ${message(waivers, 'waiver-unused')}`,
      `- \`specs/incomplete.pspec.md:5\` \`waiver-incomplete\` (warning): ${message(incomplete, 'waiver-incomplete')}`,
      '',
      '## Waivers',
      '',
      '| Where | Rules | Approver | Approved | Expires | Ref | Status |',
      '|---|---|---|---|---|---|---|',
      '| `specs/waivers.pspec.md:6` | api-exclusivity | Dana Lee | 2026-03-02 | 2099-09-30 | LEGAL-1412 | active |',
      '| `specs/waivers.pspec.md:8` | api-exclusivity | Dana Lee | 2025-09-01 | 2026-01-01 | LEGAL-1 | expired |',
      '| `specs/waivers.pspec.md:10` | open-weights-criteria | Dana Lee | 2026-03-02 | 2027-03-02 | LEGAL-2 | unused |',
      '| `specs/incomplete.pspec.md:5` | api-exclusivity |  |  |  |  | incomplete |',
      '',
      '## Not checked',
      '',
      '- `big.pspec.md`: it is too large',
      '',
    ]);
    assert.equal(report.findingCount, 7);
  });

  it('says so when there is nothing to report', () => {
    const report = buildExposureReport({ today: TODAY, specs: [] });
    assert.deepEqual(report.markdown.split('\n').slice(2), [
      '- Date: 2026-05-01',
      '- Profile: (none)',
      '- Specs checked: 0',
      '',
      '> This report is not legal advice.',
      '',
      '## Summary',
      '',
      '| Spec | Regime | Classification | Errors | Warnings | Information | Hints | Waived |',
      '|---|---|---|---:|---:|---:|---:|---:|',
      '| **Total** | | | 0 | 0 | 0 | 0 | 0 |',
      '',
      '## Findings by clause',
      '',
      'No finding cites a clause.',
      '',
      '## No clause',
      '',
      'No findings without a clause.',
      '',
      '## Waivers',
      '',
      'No waivers are recorded.',
      '',
    ]);
    assert.equal(report.findingCount, 0);
  });
});
