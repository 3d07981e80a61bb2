/**
 * Completion in the two places where a spec has a vocabulary: front-matter
 * keys and values (from the profile), and rule ids in waiver comments. It
 * reads the line text rather than the parsed front matter, because the YAML
 * is usually incomplete while the user is typing it.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { allowedValues } from '../core/compileContract';
import type { LineMap } from '../core/lineMap';
import type { FrontMatterKey, Profile } from '../profile/profileTypes';
import type { SpecModel } from '../specModel';

export const COMPLETION_TRIGGER_CHARACTERS = [' ', '[', ','];

export interface CompletionOptions {
  /** Whether the client accepts snippets. */
  snippets: boolean;
  /** Today's date, `YYYY-MM-DD`, offered for date keys. */
  today: string;
}

const FENCE = /^\uFEFF?---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_LINE = /^([A-Za-z0-9_][\w-]*)[ \t]*:/;
const WAIVER_PREFIX = /<!--[ \t]*carveout-waive[ \t]+([^:>]*)$/i;

/** The zero-based content lines of the front matter; to the end of the text while the closing fence is not typed yet. */
function frontMatterLines(text: string, lines: LineMap): { first: number; last: number } | undefined {
  const lineText = (line: number): string => text.slice(lines.lineStart(line), lines.lineEnd(line));
  if (lines.lineCount < 2 || !FENCE.test(lineText(0))) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (CLOSING.test(lineText(line))) return { first: 1, last: line - 1 };
  }
  return { first: 1, last: lines.lineCount - 1 };
}

function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

function knownValues(key: FrontMatterKey, profile: Profile): { value: string; detail?: string }[] {
  if (key.valuesFrom === 'venues') return profile.vocabulary.clouds.map((cloud) => ({ value: cloud.id, detail: cloud.name }));
  return (allowedValues(key, profile) ?? []).map((value) => ({ value }));
}

function keyItems(profile: Profile, present: ReadonlySet<string>, range: Range): CompletionItem[] {
  return profile.frontMatter
    .filter((key) => !present.has(key.key))
    .map((key, index) => {
      const item: CompletionItem = {
        label: key.key,
        kind: CompletionItemKind.Property,
        detail: key.kind,
        documentation: { kind: MarkupKind.PlainText, value: key.description },
        textEdit: { range, newText: `${key.key}: ` },
        sortText: String(index).padStart(3, '0'),
      };
      // Where the profile knows the values, their list opens right away. A free-text key gets
      // no such list, and the editor's word suggestions would fill in junk (`product: product`).
      if (key.kind === 'date' || knownValues(key, profile).length > 0) {
        item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
      }
      return item;
    });
}

function valueItems(key: FrontMatterKey, profile: Profile, listed: ReadonlySet<string>, range: Range, options: CompletionOptions): CompletionItem[] {
  if (key.kind === 'date') {
    const items: CompletionItem[] = [{ label: options.today, kind: CompletionItemKind.Value, detail: 'today', textEdit: { range, newText: options.today }, sortText: '1' }];
    if (options.snippets) {
      items.unshift({
        label: 'YYYY-MM-DD',
        kind: CompletionItemKind.Snippet,
        detail: key.description,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: '${1:YYYY}-${2:MM}-${3:DD}' },
        sortText: '0',
      });
    }
    return items;
  }
  return knownValues(key, profile)
    .filter((entry) => !listed.has(entry.value))
    .map((entry, index) => ({
      label: entry.value,
      kind: CompletionItemKind.EnumMember,
      detail: entry.detail,
      textEdit: { range, newText: entry.value },
      sortText: String(index).padStart(3, '0'),
    }));
}

/** The key a block-list item (`  - aws`) belongs to: the nearest key line above it. */
function blockListKey(text: string, lines: LineMap, line: number, first: number): string | undefined {
  for (let above = line - 1; above >= first; above--) {
    const content = text.slice(lines.lineStart(above), lines.lineEnd(above));
    const key = KEY_LINE.exec(content);
    if (key) return key[1];
    if (!/^[ \t]*-/.test(content)) return undefined;
  }
  return undefined;
}

function frontMatterCompletion(model: SpecModel, position: Position, region: { first: number; last: number }, before: string, options: CompletionOptions): CompletionItem[] {
  const { text, lines, profile } = model;
  const keys = new Map(profile.frontMatter.map((key) => [key.key, key]));

  if (/^[A-Za-z0-9_-]*$/.test(before)) {
    const present = new Set<string>();
    for (let line = region.first; line <= region.last; line++) {
      if (line === position.line) continue;
      const key = KEY_LINE.exec(text.slice(lines.lineStart(line), lines.lineEnd(line)));
      if (key) present.add(key[1]);
    }
    return keyItems(profile, present, rangeBack(position, before.length));
  }

  const value = /^([A-Za-z0-9_][\w-]*)[ \t]*:[ \t]+(.*)$/.exec(before);
  if (value) {
    const key = keys.get(value[1]);
    if (!key) return [];
    const rest = value[2];
    const open = rest.lastIndexOf('[');
    if (open >= 0) {
      if (rest.indexOf(']', open) >= 0) return [];
      // Inside a flow list: what is typed since the last `[` or `,` is the partial value.
      const partial = /[^\s,[]*$/.exec(rest)?.[0] ?? '';
      const lineRest = text.slice(lines.offset(position), lines.lineEnd(position.line));
      const inside = rest.slice(open + 1) + lineRest.slice(0, Math.max(0, lineRest.indexOf(']')));
      const listed = new Set(inside.split(',').map((item) => item.trim()).filter((item) => item !== '' && item !== partial));
      return valueItems(key, profile, listed, rangeBack(position, partial.length), options);
    }
    if (!/^[\w-]*$/.test(rest)) return [];
    return valueItems(key, profile, new Set(), rangeBack(position, rest.length), options);
  }

  const item = /^[ \t]*-[ \t]+([\w-]*)$/.exec(before);
  if (item) {
    const keyName = blockListKey(text, lines, position.line, region.first);
    const key = keyName === undefined ? undefined : keys.get(keyName);
    if (!key) return [];
    return valueItems(key, profile, new Set(), rangeBack(position, item[1].length), options);
  }
  return [];
}

function waiverCompletion(profile: Profile, position: Position, names: string): CompletionItem[] {
  const words = names.split(/[\s,]+/);
  const partial = words[words.length - 1];
  const listed = new Set(words.slice(0, -1));
  // Waivers record a sign-off on a contract finding; waiving a waiver check would hide a broken sign-off.
  return profile.rules
    .filter((rule) => !rule.id.startsWith('waiver-') && !listed.has(rule.id))
    .map((rule, index) => ({
      label: rule.id,
      kind: CompletionItemKind.Reference,
      detail: rule.title,
      documentation: { kind: MarkupKind.PlainText, value: rule.description },
      textEdit: { range: rangeBack(position, partial.length), newText: rule.id },
      sortText: String(index).padStart(3, '0'),
    }));
}

export function provideCompletion(model: SpecModel, position: Position, options: CompletionOptions): CompletionItem[] {
  const { text, lines } = model;
  if (position.line < 0 || position.line >= lines.lineCount) return [];
  const lineStart = lines.lineStart(position.line);
  const offset = lines.offset(position);
  const before = text.slice(lineStart, offset);
  // Ranges are built back from the cursor, so a position past the line end is pulled in first.
  const cursor: Position = { line: position.line, character: offset - lineStart };

  const region = frontMatterLines(text, lines);
  if (region && position.line >= region.first && position.line <= region.last) {
    return frontMatterCompletion(model, cursor, region, before, options);
  }
  const waiver = WAIVER_PREFIX.exec(before);
  if (waiver) return waiverCompletion(model.profile, cursor, waiver[1]);
  return [];
}
