/**
 * How a word is read when it is not plain ASCII, so that a name cannot slip
 * past the vocabulary by its spelling: compatibility forms are folded (NFKC:
 * fullwidth and mathematical letters, ligatures), characters that show
 * nothing are dropped (zero-width spaces and joiners, the word joiner, soft
 * hyphens, byte-order marks, bidirectional controls, variation selectors,
 * combining marks), and Cyrillic and Greek letters that look like Latin ones
 * are read as those. The word keeps its place in the text: only the string
 * it is matched by changes, so every range stays exact.
 */

/** Whether a UTF-16 unit shows nothing, or only marks the letter before it. */
export function isInvisible(code: number): boolean {
  return (
    code === 0x00ad || // soft hyphen
    (code >= 0x200b && code <= 0x200f) || // zero-width space, joiners, direction marks
    (code >= 0x202a && code <= 0x202e) || // bidirectional embeddings and overrides
    (code >= 0x2060 && code <= 0x2064) || // word joiner and invisible operators
    (code >= 0x2066 && code <= 0x2069) || // bidirectional isolates
    code === 0xfeff || // byte-order mark
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    (code >= 0x0300 && code <= 0x036f) || // combining diacritical marks
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/** Cyrillic and Greek letters that are drawn like a Latin letter, by the Latin letter. */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', Ԛ: 'Q', Ԝ: 'W',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԛ: 'q', ԝ: 'w', һ: 'h', ԁ: 'd', ɡ: 'g',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', κ: 'k', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');

/** The word as the vocabulary reads it: folded as above, lower case, apostrophe straightened, possessive dropped. */
export function foldWord(raw: string): string {
  let word = raw;
  // Plain ASCII needs none of the folding, and most words are plain ASCII.
  if (/[^\x00-\x7f]/.test(word)) {
    word = word.normalize('NFKC');
    let visible = '';
    for (let index = 0; index < word.length; index++) if (!isInvisible(word.charCodeAt(index))) visible += word[index];
    word = visible.replace(LOOKALIKE, (letter) => LOOKALIKES[letter]);
  }
  word = word.toLowerCase();
  if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  return word;
}

/**
 * The characters of `raw` that make it read differently from how it looks:
 * invisible ones, look-alikes and compatibility forms, as `U+XXXX` each once.
 */
export function disguisingCharacters(raw: string): string[] {
  const found: string[] = [];
  for (const character of raw) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) continue;
    if (isInvisible(code) || character in LOOKALIKES || character.normalize('NFKC') !== character) {
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      if (!found.includes(name)) found.push(name);
    }
  }
  return found;
}
