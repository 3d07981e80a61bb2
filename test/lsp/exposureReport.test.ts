/**
 * The exposure report builder on real analyses of small specs: exact lines
 * for the header, the summary table, each finding once with its clauses and
 * a link to its line, the cited clauses, the waivers and the specs that were
 * not checked.
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
  return { path, link: path, profile, lines: new LineMap(text), analysis: analyze(text, profile, { today: TODAY }) };
}

/** The lines a clause group opens with, from the profile's data. */
function clauseLines(id: string): string[] {
  const clause = profile.clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`No clause ${id}.`);
  const lines = [`### ${clause.id}: ${clause.title}`, ''];
  if (clause.quote) lines.push(`> "${clause.quote}"`, '');
  lines.push(`- Source: ${clause.source.title}, ${clause.source.publisher}, ${clause.source.date}${clause.source.url ? ` (${clause.source.url})` : ''}`);
  lines.push(`- Regime: ${clause.regime}`, `- Confidence: ${clause.confidence}`);
  return lines;
}

describe('exposure report', () => {
  it('lists every finding once with its clauses and a link to its line, each cited clause once, and every waiver with its status', () => {
    const gcp = spec('specs/gcp.pspec.md', GCP_SPEC);
    const waivers = spec('specs/waivers.pspec.md', WAIVER_SPEC);
    const incomplete = spec('specs/draft (v2) notes.pspec.md', INCOMPLETE_SPEC);
    const report = buildExposureReport({ today: TODAY, specs: [gcp, waivers, incomplete], skipped: [{ path: 'big.pspec.md', reason: 'it is too large' }] });

    const message = (report: ReportedSpec, rule: string, index = 0) => report.analysis.findings.filter((f) => f.rule === rule)[index].message;
    const cited = gcp.analysis.findings[0].clauses;
    const clauseList = `  - Clauses: ${cited.map((id) => `\`${id}\``).join(', ')}`;
    const clauseOrder = profile.clauses.map((c) => c.id).filter((id) => cited.includes(id));
    const draft = (line: number) => `[\`specs/draft (v2) notes.pspec.md:${line}\`](specs/draft%20%28v2%29%20notes.pspec.md#L${line})`;

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
      '| `specs/draft (v2) notes.pspec.md` | 2026-02 (launch 2026-03-15) | api | 1 | 1 | 0 | 0 | 0 |',
      '| **Total** | | | 3 | 2 | 0 | 1 | 1 |',
      '',
      '## Findings',
      '',
      `- [\`specs/gcp.pspec.md:6\`](specs/gcp.pspec.md#L6) \`api-exclusivity\` (error): ${message(gcp, 'api-exclusivity')}`,
      clauseList,
      `- [\`specs/waivers.pspec.md:7\`](specs/waivers.pspec.md#L7) \`api-exclusivity\` (error): ${message(waivers, 'api-exclusivity')}`,
      clauseList,
      '  - Waived: approved by Dana Lee on 2026-03-02, expires 2099-09-30, ref LEGAL-1412 (active)',
      `- [\`specs/waivers.pspec.md:8\`](specs/waivers.pspec.md#L8) \`waiver-expired\` (warning): ${message(waivers, 'waiver-expired')}`,
      `- [\`specs/waivers.pspec.md:9\`](specs/waivers.pspec.md#L9) \`api-exclusivity\` (error): ${message(waivers, 'api-exclusivity', 1)}`,
      clauseList,
      `- [\`specs/waivers.pspec.md:10\`](specs/waivers.pspec.md#L10) \`waiver-unused\` (hint): ${message(waivers, 'waiver-unused')}`,
      `- ${draft(5)} \`waiver-incomplete\` (warning): ${message(incomplete, 'waiver-incomplete')}`,
      `- ${draft(6)} \`api-exclusivity\` (error): ${message(incomplete, 'api-exclusivity').replace(/\|/g, '\\|')}`,
      clauseList,
      '',
      '## Clauses cited',
      '',
      ...clauseOrder.flatMap((id) => [...clauseLines(id), '- Cited by 4 findings', '']),
      '## Waivers',
      '',
      '| Where | Rules | Approver | Approved | Expires | Ref | Status |',
      '|---|---|---|---|---|---|---|',
      '| [`specs/waivers.pspec.md:6`](specs/waivers.pspec.md#L6) | api-exclusivity | Dana Lee | 2026-03-02 | 2099-09-30 | LEGAL-1412 | active |',
      '| [`specs/waivers.pspec.md:8`](specs/waivers.pspec.md#L8) | api-exclusivity | Dana Lee | 2025-09-01 | 2026-01-01 | LEGAL-1 | expired |',
      '| [`specs/waivers.pspec.md:10`](specs/waivers.pspec.md#L10) | open-weights-criteria | Dana Lee | 2026-03-02 | 2027-03-02 | LEGAL-2 | unused |',
      `| ${draft(5)} | api-exclusivity |  |  |  |  | incomplete |`,
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
      '## Findings',
      '',
      'No findings.',
      '',
      '## Clauses cited',
      '',
      'No finding cites a clause.',
      '',
      '## Waivers',
      '',
      'No waivers are recorded.',
      '',
    ]);
    assert.equal(report.findingCount, 0);
  });
});
