/**
 * Estimates how deep a YAML text nests its collections, without parsing it.
 * The YAML parser recurses once per level, and thousands of levels can make
 * V8 abort the whole process (not merely throw) while it is that deep. The
 * loader therefore refuses such text before the parser sees it.
 *
 * The estimate is a bound for real files, not a parser: block levels are
 * counted from indentation and from `- ` and `? ` indicators that open a line,
 * and flow levels from brackets outside quoted scalars and comments.
 */

/** The offset at which nesting first exceeds `max` levels, or undefined. */
export function excessiveNestingAt(text: string, max: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let blockDepth = 0;
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    if (lineStart) {
      lineStart = false;
      let indent = 0;
      while (text[i] === ' ') {
        i++;
        indent++;
      }
      const first = text[i];
      if (first === undefined || first === '\n' || first === '\r' || first === '#' || flow > 0) continue;
      while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
      let compact = 0;
      while ((text[i] === '-' || text[i] === '?') && isBlank(text[i + 1])) {
        compact++;
        if (indents.length + compact > max) return i;
        i++;
        while (text[i] === ' ' || text[i] === '\t') i++;
      }
      blockDepth = indents.length + compact;
      if (blockDepth > max) return i;
      continue;
    }
    const c = text[i];
    const previous = i === 0 ? '\n' : text[i - 1];
    if (c === '\n' || c === '\r') {
      lineStart = true;
      i++;
    } else if (c === '#' && isBlank(previous)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if ((c === '"' || c === "'") && (isBlank(previous) || '[{,'.includes(previous) || (flow > 0 && previous === ':'))) {
      i = afterQuoted(text, i);
    } else {
      if (c === '[' || c === '{') {
        flow++;
        if (blockDepth + flow > max) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      i++;
    }
  }
  return undefined;
}

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The offset just past the quoted scalar that opens at `start`. */
function afterQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i += 2;
    } else if (c === quote) {
      // In single quotes, a doubled quote stands for one quote character.
      if (quote === "'" && text[i + 1] === "'") i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return text.length;
}
