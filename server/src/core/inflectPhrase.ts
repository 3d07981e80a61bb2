/**
 * Turns a verb phrase named by its lemma ("rent from", "fail over",
 * "co-develop with") into every form a writer may use ("rented from",
 * "fails over", "co-developing with"). The forms are made once, when the
 * vocabulary is compiled, so matching stays a walk over literal words.
 *
 * Regular English endings are made here; irregular forms ("ran", "spun",
 * "bought") come from the profile, so that users can add their own verbs.
 * A few impossible forms ("hostted") are made as well where spelling alone
 * cannot tell whether the last consonant doubles: a phrase no text contains
 * costs nothing, while a missing form is a missed claim.
 */

const VOWELS = 'aeiou';

function isConsonant(character: string | undefined): boolean {
  return character !== undefined && /[a-z]/.test(character) && !VOWELS.includes(character);
}

/** Whether the word ends consonant, vowel, consonant ("ship", "commit"), so that its last letter may double. */
function mayDouble(word: string): boolean {
  const last = word[word.length - 1];
  return word.length >= 3 && isConsonant(last) && !'wxy'.includes(last) && VOWELS.includes(word[word.length - 2]) && isConsonant(word[word.length - 3]);
}

/** The regular forms of one verb: itself, third person, past and present participle. */
export function verbForms(verb: string): string[] {
  const forms = new Set<string>([verb]);
  const last = verb[verb.length - 1];
  const beforeLast = verb[verb.length - 2];
  if (/(s|x|z|ch|sh|o)$/.test(verb)) forms.add(`${verb}es`);
  else if (last === 'y' && isConsonant(beforeLast)) forms.add(`${verb.slice(0, -1)}ies`);
  else forms.add(`${verb}s`);

  if (last === 'e') forms.add(`${verb}d`);
  else if (last === 'y' && isConsonant(beforeLast)) forms.add(`${verb.slice(0, -1)}ied`);
  else forms.add(`${verb}ed`);

  if (verb.endsWith('ie')) forms.add(`${verb.slice(0, -2)}ying`);
  else if (last === 'e' && !/(ee|ye|oe)$/.test(verb)) forms.add(`${verb.slice(0, -1)}ing`);
  else forms.add(`${verb}ing`);

  if (mayDouble(verb)) {
    forms.add(`${verb}${last}ed`);
    forms.add(`${verb}${last}ing`);
  }
  return [...forms];
}

/**
 * Every form of a lemma phrase. The verb is the phrase's first word, or the
 * last part of it when it is hyphenated ("co-develop"); the words after it
 * (particles and prepositions) stay as written. A phrase ending in `*` is
 * already a pattern and is kept as it is.
 */
export function inflectPhrase(phrase: string, irregular: Readonly<Record<string, readonly string[]>>): string[] {
  const trimmed = phrase.trim();
  if (trimmed.endsWith('*')) return [trimmed];
  const space = trimmed.search(/\s/);
  const head = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space);
  const hyphen = head.lastIndexOf('-');
  const prefix = head.slice(0, hyphen + 1);
  const verb = head.slice(hyphen + 1).toLowerCase();
  if (!/^[a-z]+$/.test(verb)) return [trimmed];
  const forms = new Set([...verbForms(verb), ...(irregular[verb] ?? [])]);
  return [...forms].map((form) => `${prefix}${form}${rest}`);
}
