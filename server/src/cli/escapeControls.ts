/**
 * Escapes control characters for text output. File names and front-matter
 * values come from the specs, and printed raw, an escape sequence or a
 * carriage return in them could recolour, overwrite or forge lines of a CI
 * log; escaped, they read as what they are.
 */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const SHORT: Partial<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (character) => {
    const code = character.charCodeAt(0);
    return SHORT[character] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}
