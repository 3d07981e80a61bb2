/**
 * How a word is read when it is not plain ASCII, so that a name cannot slip
 * past the vocabulary by its spelling: compatibility forms are folded (NFKC:
 * fullwidth and mathematical letters, ligatures), characters that show
 * nothing are dropped (zero-width spaces and joiners, the word joiner, soft
 * hyphens, byte-order marks, bidirectional controls, variation selectors,
 * combining marks), Cyrillic and Greek letters that look like Latin ones
 * are read as those, and Markdown and HTML inside a word are read through:
 * emphasis markers (`**AW**S`), comments (`AW<!-- -->S`) and numeric
 * character references (`&#65;WS`). The word keeps its place in the text:
 * only the string it is matched by changes, so every range stays exact.
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

/** A numeric character reference: `&#65;` or `&#x41;`. */
export const CHARACTER_REFERENCE = /^&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});/;

/** The character a numeric reference stands for; undefined for none or an invalid one. */
export function referencedCharacter(reference: string): string | undefined {
  const hex = reference[2] === 'x' || reference[2] === 'X';
  const code = Number.parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/** Markup the tokenizer keeps inside a word: emphasis markers, comments and character references. */
const MARKUP = /[*~]+|<!--[\s\S]*?-->|&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});/g;

/**
 * The word as the vocabulary reads it: folded as above, lower case,
 * apostrophe straightened, possessive dropped. Markup is read through only
 * in the text (`markup`): in a profile phrase a trailing `*` means "any
 * ending" and must stay.
 */
export function foldWord(raw: string, markup = true): string {
  let word = raw;
  if (markup && /[*~<&]/.test(word)) word = word.replace(MARKUP, (found) => (found.startsWith('&') ? (referencedCharacter(found) ?? '') : ''));
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
 * What makes `raw` read differently from how it looks: invisible characters,
 * look-alikes and compatibility forms, as `U+XXXX` each once, and markup
 * inside the word.
 */
export function disguisingCharacters(raw: string): string[] {
  const found: string[] = [];
  if (/[*~]/.test(raw)) found.push('emphasis markers');
  if (raw.includes('<!--')) found.push('an HTML comment');
  if (/&#/.test(raw)) found.push('a character reference');
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
