import type { Span } from './types';

/** Index of the first item that starts at or after `offset`, in a list sorted by start: a binary search. */
export function firstStartingAt(sorted: readonly { span: Span }[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
