/** The Exposure view's grouping: regime, then clause, then finding; waived findings under their waiver; filters. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupExposure, type ExposureNode, type Titles } from '../../client/src/exposure/groupExposure';
import type { WorkspaceFinding } from '../../server/src/shared/protocol';

function finding(path: string, line: number, rule: string, severity: WorkspaceFinding['severity'], regime: string, clauses: string[], waiver?: WorkspaceFinding['waiver']): WorkspaceFinding {
  return {
    uri: `file:///ws/${path}`,
    path,
    range: { start: { line, character: 0 }, end: { line, character: 10 } },
    rule,
    ruleTitle: rule,
    severity,
    message: `${rule} on line ${line + 1}`,
    regime,
    clauses,
    ...(waiver ? { waiver } : {}),
  };
}

function outline(nodes: readonly ExposureNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.label} — ${node.description}`, ...(node.kind === 'finding' ? [] : outline(node.children, depth + 1))]);
}

const TITLES: Titles = {
  regimes: { '2025-10': 'Terms 2025-10', '2026-04': 'Terms 2026-04' },
  clauses: { 'C-API': 'Clause C-API', 'C-3P': 'Clause C-3P', 'C-FIRST': 'Clause C-FIRST' },
};

const FINDINGS = [
  finding('a.pspec.md', 9, 'api-exclusivity', 'error', '2025-10', ['C-API', 'C-3P']),
  finding('a.pspec.md', 12, 'declaration-mismatch', 'warning', '2025-10', []),
  finding('b.pspec.md', 4, 'api-exclusivity', 'error', '2025-10', ['C-API'], { approver: 'Dana', approvedOn: '2026-01-01', expires: '2026-12-10', reference: 'L-1', status: 'expiring' }),
  finding('b.pspec.md', 7, 'api-exclusivity', 'error', '2025-10', ['C-API'], { approver: 'Dana', approvedOn: '2025-01-01', expires: '2025-06-01', reference: 'L-0', status: 'expired' }),
  finding('c.pspec.md', 3, 'azure-first', 'warning', '2026-04', ['C-FIRST']),
];

describe('groupExposure', () => {
  it('groups by regime (latest first), then clause, with document checks and waivers last; a finding stands under each clause it cites', () => {
    assert.deepEqual(outline(groupExposure(FINDINGS, TITLES)), [
      'Regime 2026-04 — Terms 2026-04 · 1 finding',
      '  C-FIRST — Clause C-FIRST · 1 finding',
      '    azure-first on line 4 — c.pspec.md:4',
      'Regime 2025-10 — Terms 2025-10 · 4 findings',
      '  C-3P — Clause C-3P · 1 finding',
      '    api-exclusivity on line 10 — a.pspec.md:10',
      '  C-API — Clause C-API · 2 findings',
      '    api-exclusivity on line 10 — a.pspec.md:10',
      '    api-exclusivity on line 8 — b.pspec.md:8',
      '  Document checks — 1 finding',
      '    declaration-mismatch on line 13 — a.pspec.md:13',
      '  Waived by Dana until 2026-12-10 — ref L-1 · 1 finding · expires soon',
      '    api-exclusivity on line 5 — b.pspec.md:5',
    ]);
  });

  it('keeps a finding whose waiver expired with the open ones, and marks a waiver node with its status', () => {
    const regime = groupExposure(FINDINGS, TITLES)[1];
    assert.ok(regime.kind === 'regime');
    const waivers = regime.children.filter((node) => node.kind === 'waiver');
    assert.deepEqual(waivers.map((node) => node.kind === 'waiver' && node.status), ['expiring']);
  });

  it('filters by rule, by least severity and by the specs changed since a branch', () => {
    assert.deepEqual(outline(groupExposure(FINDINGS, TITLES, { rules: ['azure-first'] })), [
      'Regime 2026-04 — Terms 2026-04 · 1 finding',
      '  C-FIRST — Clause C-FIRST · 1 finding',
      '    azure-first on line 4 — c.pspec.md:4',
    ]);
    assert.equal(groupExposure(FINDINGS, TITLES, { minSeverity: 'error' }).flatMap((regime) => outline([regime])).filter((line) => line.includes('warning') || line.includes('declaration')).length, 0);
    assert.deepEqual(groupExposure(FINDINGS, TITLES, { paths: ['b.pspec.md'] }).map((node) => node.description), ['Terms 2025-10 · 2 findings']);
  });
});
