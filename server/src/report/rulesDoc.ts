/**
 * The rules reference (docs/rules.md): one section per rule of a profile,
 * with its regimes, severity, clauses, carve-outs and fixes, so that a
 * diagnostic's code can link to what it means. It is made from the profile
 * and a test keeps the committed file in step with it.
 */
import type { Profile, Rule } from '../profile/profileTypes';

/** The anchor of a rule's section; GitHub and VS Code both derive it from the heading `` `id` ``. */
export function ruleAnchor(rule: string): string {
  return rule.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function regimesOf(profile: Profile, rule: Rule): string {
  if (profile.regimes.every((regime) => rule.regimes.includes(regime.id))) return 'all';
  return rule.regimes.map((id) => {
    const regime = profile.regimes.find((candidate) => candidate.id === id);
    return regime ? `${id} (${regime.from} – ${regime.until ?? 'today'})` : id;
  }).join(', ');
}

function ruleSection(profile: Profile, rule: Rule): string[] {
  const lines = [`## \`${rule.id}\``, '', `**${rule.title}**. ${rule.description}`, '', `- Severity: ${rule.severity}`, `- Regimes: ${regimesOf(profile, rule)}`];
  if (rule.clauses.length > 0) {
    lines.push('- Clauses:');
    for (const id of rule.clauses) {
      const clause = profile.clauses.find((candidate) => candidate.id === id);
      lines.push(clause ? `  - ${id}: ${clause.title} (${clause.source.publisher}, ${clause.source.date}; ${clause.confidence})` : `  - ${id}`);
    }
  }
  if (rule.carveOuts.length > 0) lines.push(`- Carve-outs: ${rule.carveOuts.map((id) => `[\`${id}\`](#${ruleAnchor(id)})`).join(', ')}`);
  if (rule.fixes.length > 0) lines.push(`- Quick fixes: ${rule.fixes.map((id) => `\`${id}\``).join(', ')}`);
  lines.push('');
  return lines;
}

export function renderRulesDoc(profile: Profile): string {
  return [
    `# Rules of the ${profile.title}`,
    '',
    'Generated from the built-in profile by `npm run docs:rules`; do not edit by hand.',
    'A rule id is a public interface: waivers, CI configurations and SARIF consumers depend on it.',
    '',
    `> ${profile.disclaimer}`,
    '',
    ...profile.rules.flatMap((rule) => ruleSection(profile, rule)),
  ].join('\n');
}
