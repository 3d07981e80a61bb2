/**
 * Every fix edits only what it names: the statement of its finding, the
 * front-matter entries, and the line right above the statement (where a
 * waiver goes). Checked for every fix of every finding of every sample, and
 * for random specs built from the pieces real specs are made of.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Analysis, Finding, Span } from '../../server/src/core/types';
import type { FixContext, PlannedEdit } from '../../server/src/fixes/fixTypes';
import { planFixAll } from '../../server/src/fixes/planFixAll';
import { planFixes } from '../../server/src/fixes/planFixes';
import { lineStartOf } from '../../server/src/fixes/textLines';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';
import { run } from './testSupport';

const SAMPLES = join(__dirname, '../../samples');
const profile = loadBuiltinProfile();

function inside(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Whether `edit` stays within what a fix for `finding` may change. */
function confined(text: string, analysis: Analysis, finding: Finding, edit: PlannedEdit): boolean {
  const statement = finding.span;
  if (inside(edit.span, statement)) return true;
  const frontMatter = analysis.frontMatter;
  // Front-matter entries, or a new key line inside the block.
  if (frontMatter && inside(edit.span, frontMatter.contentSpan) && (edit.span.start === edit.span.end || analysis.frontMatter!.entries.some((entry) => inside(edit.span, { start: entry.keySpan.start, end: entry.valueSpan.end })))) return true;
  // A front matter written at the top of a spec that had none.
  if (!frontMatter && edit.span.start === 0 && edit.span.end === 0 && edit.newText.startsWith('---')) return true;
  const lineStart = lineStartOf(text, statement.start);
  // A waiver line above the statement, or the white space before it on a shared line.
  if (edit.span.start === edit.span.end && edit.span.start === lineStart) return true;
  if (edit.span.end === statement.start && /^\s*$/.test(text.slice(edit.span.start, edit.span.end))) return true;
  // A table row's waiver goes above the table's header: an insertion at the start of a line of the same table.
  if (finding.statementKind === 'table-row' && edit.span.start === edit.span.end) {
    const between = text.slice(edit.span.start, lineStart);
    return between.split(/\r?\n/).filter(Boolean).every((line) => line.trimStart().startsWith('|'));
  }
  return false;
}

function checkSpec(text: string): void {
  const analysis = run(text);
  const context: FixContext = { text, profile, analysis };
  const open = analysis.findings.filter((finding) => !finding.waivedBy);
  for (const finding of open) {
    for (const plan of planFixes(context, finding)) {
      for (const edit of plan.edits) {
        assert.ok(confined(text, analysis, finding, edit), `${plan.title} for ${finding.rule} edits ${JSON.stringify(text.slice(edit.span.start, edit.span.end))} at ${edit.span.start}`);
      }
    }
  }
  for (const rule of new Set(open.map((finding) => finding.rule))) {
    const plan = planFixAll(context, (finding) => finding.rule === rule);
    for (const edit of plan.edits) {
      assert.ok(
        plan.findings.some((finding) => confined(text, analysis, finding, edit)),
        `the fix for every ${rule} finding edits ${JSON.stringify(text.slice(edit.span.start, edit.span.end))} at ${edit.span.start}`,
      );
    }
  }
}

describe('fixes stay within what they name', () => {
  for (const name of readdirSync(SAMPLES).filter((file) => file.endsWith('.pspec.md'))) {
    it(`every fix of every finding in samples/${name}`, () => checkSpec(readFileSync(join(SAMPLES, name), 'utf8')));
  }

  const FRONT = ['classification: api', 'classification: non-api', 'served-on: [aws, gcp]', 'served-on:\n  - oci\n  - azure', 'customers: [enterprise]', 'co-developed-with: [Amazon]', 'launch: 2025-11-03', 'launch: 2026-03-15', 'launch: 2026-06-01', 'ships-first-on: aws'];
  const BODY = [
    'The API is served from AWS regions.',
    'The mobile app runs on Google Cloud, and users sign in with AWS IAM.',
    'Developers call the stateless endpoint hosted on Oracle Cloud.',
    'The stateful runtime is built with Amazon and runs on Bedrock.',
    'We will not host anything on CoreWeave.',
    'It ships first on AWS, then on Azure.',
    '- The batch API runs on AWS and Google Cloud.',
    '| Surface | Cloud |\n| --- | --- |\n| API | AWS |\n| App | Google Cloud |',
    '# Hosting',
    'First sentence on Azure. Second sentence on AWS.',
    '🚀 Emoji before the API on GCP.',
  ];
  it('every fix of every finding in random specs', () => {
    fc.assert(
      fc.property(
        fc.subarray(FRONT),
        fc.array(fc.constantFrom(...BODY), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        (front, body, eol) => {
          const text = `---\n${front.join('\n')}\n---\n${body.join('\n\n')}\n`.replace(/\n/g, eol);
          checkSpec(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
