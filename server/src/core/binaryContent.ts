/**
 * Whether a spec's text is binary rather than text. A NUL never occurs in
 * text a person wrote, and reading a binary file as a spec would only give
 * findings on noise; the CLI, the editor and the exposure report all refuse
 * such a spec with this one reason.
 */
export function binaryContentReason(text: string): string | undefined {
  return text.includes('\u0000') ? 'it contains NUL bytes, so it is not a text spec' : undefined;
}
