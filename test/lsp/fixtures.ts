/**
 * Specs and expectations shared by the protocol tests. Expected messages
 * come from the analysis core run in the test process, so these tests check
 * how the server maps findings to the protocol, while the core's own tests
 * check the wording.
 */
import { analyze } from '../../server/src/core/analyze';
import type { AnalyzeOptions, Finding } from '../../server/src/core/types';
import { loadBuiltinProfile } from '../../server/src/profile/loadProfile';

/** The design notes' example: an API co-developed with Amazon and served from AWS. */
export const RUNTIME_SPEC = `---
product: Frontier Runtime for Bedrock
classification: api
co-developed-with: [Amazon Web Services]
served-on: [aws]
customers: [enterprise]
launch: 2026-03-15
---
# Overview
Developers call the runtime through a stateless REST endpoint billed per token.
The runtime is served from AWS regions and jointly developed with Amazon.
It will not be hosted on Google Cloud.
`;

/** Line 10 of RUNTIME_SPEC, the one flagged statement. */
export const RUNTIME_FLAGGED_LINE = 10;
export const RUNTIME_FLAGGED_SENTENCE = 'The runtime is served from AWS regions and jointly developed with Amazon.';

/** The same product served from Azure: nothing to flag. */
export const CLEAN_SPEC = RUNTIME_SPEC.replace('served-on: [aws]', 'served-on: [azure]').replace('is served from AWS regions', 'is served from Azure regions');

/** An API served from Google Cloud, with no front matter beyond the launch date. */
export const GCP_SPEC = `---
classification: api
launch: 2026-03-15
---
# Hosting
The API is served from Google Cloud.
`;

export const WAIVER_SPEC = `---
classification: api
launch: 2026-03-15
---
# Hosting
<!-- carveout-waive api-exclusivity: approved by Dana Lee on 2026-03-02, expires 2099-09-30, ref LEGAL-1412 -->
The API is served from AWS regions.
<!-- carveout-waive api-exclusivity: approved by Dana Lee on 2025-09-01, expires 2026-01-01, ref LEGAL-1 -->
The API is also served from Google Cloud.
<!-- carveout-waive open-weights-criteria: approved by Dana Lee on 2026-03-02, expires 2027-03-02, ref LEGAL-2 -->
The API runs on Azure.
`;

export function coreFindings(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, loadBuiltinProfile(), options).findings;
}

/** The message the core gives the one finding of `rule` in `text`. */
export function coreMessage(text: string, rule: string, options: AnalyzeOptions = {}): string {
  const found = coreFindings(text, options).filter((finding) => finding.rule === rule);
  if (found.length !== 1) throw new Error(`Expected one ${rule} finding, found ${found.length}.`);
  return found[0].message;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
