/**
 * A quiet inlay hint at the end of each statement a waiver silences: who
 * waived it and until when. A waived finding is no longer underlined, so
 * without this a reviewer could not see that a sign-off is relied on.
 */
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Waiver } from '../core/types';
import type { SpecModel } from '../specModel';

function label(waiver: Waiver): string {
  const until = waiver.expires ? `until ${waiver.expires}` : 'no expiry';
  return `waived by ${waiver.approver ?? '(no approver)'}, ${until}`;
}

function tooltip(waiver: Waiver, rules: readonly string[]): string {
  const lines = [`Carveout: ${rules.map((rule) => `\`${rule}\``).join(', ')} waived on this statement.`, ''];
  lines.push(`- Approved by ${waiver.approver ?? '(no approver)'}${waiver.approvedOn ? ` on ${waiver.approvedOn}` : ''}`);
  lines.push(`- ${waiver.expires ? `Expires ${waiver.expires}` : 'No expiry'}`);
  if (waiver.reference) lines.push(`- Ref ${waiver.reference}`);
  return lines.join('\n');
}

function overlaps(range: Range, line: number): boolean {
  return line >= range.start.line && line <= range.end.line;
}

/** One hint per waiver that silences at least one finding, within `range`. */
export function provideWaiverHints(model: SpecModel, range: Range): InlayHint[] {
  const silenced = new Map<Waiver, string[]>();
  for (const finding of model.analysis.findings) {
    if (!finding.waivedBy?.target) continue;
    const rules = silenced.get(finding.waivedBy) ?? [];
    if (!rules.includes(finding.rule)) rules.push(finding.rule);
    silenced.set(finding.waivedBy, rules);
  }
  const hints: InlayHint[] = [];
  for (const [waiver, rules] of silenced) {
    // A statement's span may end after its line break; the hint goes at its last character.
    const text = model.text;
    let end = waiver.target?.end ?? 0;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const position = model.lines.position(end);
    if (!overlaps(range, position.line)) continue;
    hints.push({ position, label: label(waiver), paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value: tooltip(waiver, rules) } });
  }
  return hints;
}
