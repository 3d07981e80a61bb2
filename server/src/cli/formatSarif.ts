/**
 * SARIF 2.1.0 for code-scanning tools. Rule metadata comes from the profile;
 * waived findings stay in the log with an in-source suppression, so that a
 * reviewer's sign-off is visible rather than the finding vanishing.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { Profile, Severity } from '../profile/profileTypes';
import { oneBased, type CheckedFile } from './checkedFile';
import type { Comparison } from './compareBaseline';
import { fingerprint, FINGERPRINT_KEY } from './fingerprint';

export const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function clauseHelp(profile: Profile, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const clause = profile.clauses.find((entry) => entry.id === id);
    if (!clause) return `- ${id}`;
    const quote = clause.quote ? ` "${clause.quote}"` : '';
    return `- ${id}: ${clause.title}.${quote} (${clause.source.publisher}, ${clause.source.date}; confidence: ${clause.confidence})`;
  });
}

function describeRules(profile: Profile): ReportingDescriptor[] {
  return profile.rules.map((rule) => {
    const help = [rule.description, '', ...(rule.clauses.length > 0 ? ['Clauses:', ...clauseHelp(profile, rule.clauses), ''] : []), profile.disclaimer];
    return {
      id: rule.id,
      name: rule.title,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      help: { text: help.join('\n'), markdown: help.join('\n') },
      defaultConfiguration: { level: LEVELS[rule.severity] },
      properties: { regimes: rule.regimes, clauses: rule.clauses, carveOuts: rule.carveOuts, kind: rule.kind },
    };
  });
}

/**
 * A spec's location: a URI reference relative to `%SRCROOT%` for a spec under
 * the root, else an absolute file URI. The conversion from a path encodes
 * every character a URI reserves (`#`, `?`, `%`, spaces), which `encodeURI`
 * leaves as they are.
 */
export function artifactLocation(path: string, root: string): ArtifactLocation & { uri: string } {
  const rootUri = pathToFileURL(`${root}/`).href;
  const uri = pathToFileURL(resolve(root, path)).href;
  return uri.startsWith(rootUri) ? { uri: uri.slice(rootUri.length), uriBaseId: '%SRCROOT%' } : { uri };
}

/**
 * The log of a run. With a baseline, each result says whether it is new, and
 * the baseline's results that no finding matched follow as `absent`.
 */
export function formatSarif(files: readonly CheckedFile[], profile: Profile, version: string, root: string, comparison?: Comparison): string {
  const rootUri = pathToFileURL(`${root}/`).href;
  const rules = describeRules(profile);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = [];
  for (const file of files) {
    for (const finding of file.analysis.findings) {
      const location = artifactLocation(file.path, root);
      const print = fingerprint(file.text, finding);
      const result: Result = {
        ruleId: finding.rule,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: oneBased(file.lines, finding.span) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: print },
        properties: { clauses: finding.clauses, carveOuts: finding.carveOuts, regime: file.analysis.regime.id, severity: finding.severity },
      };
      const state = comparison?.states.get(finding);
      if (state) result.baselineState = state;
      const index = ruleIndex.get(finding.rule);
      if (index !== undefined) result.ruleIndex = index;
      if (finding.waivedBy) {
        const waiver = finding.waivedBy;
        result.suppressions = [
          {
            kind: 'inSource',
            status: 'accepted',
            justification: `Waived by ${waiver.approver ?? 'unknown'}${waiver.approvedOn ? ` on ${waiver.approvedOn}` : ''}${waiver.reference ? `, ref ${waiver.reference}` : ''}`,
            location: { physicalLocation: { artifactLocation: location, region: oneBased(file.lines, waiver.span) } },
            properties: { approver: waiver.approver, approvedOn: waiver.approvedOn, expires: waiver.expires, reference: waiver.reference },
          },
        ];
      }
      results.push(result);
    }
  }
  for (const { result } of comparison?.absent ?? []) results.push({ ...result, ruleIndex: ruleIndex.get(result.ruleId ?? ''), baselineState: 'absent' });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Carveout', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
