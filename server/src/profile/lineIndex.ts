/**
 * Turns UTF-16 offsets into 1-based lines and columns. Line breaks are `\n`,
 * `\r\n` and a lone `\r`, the same three that LSP clients count, so that a
 * position computed here lands on the same character in the editor.
 */

export interface LinePosition {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0a) {
        this.starts.push(i + 1);
      } else if (ch === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The position of an offset; offsets outside the text are clamped to it. */
  position(offset: number): LinePosition {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.starts[low] + 1 };
  }
}
