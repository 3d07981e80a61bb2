/**
 * Whether text is a real calendar date written `YYYY-MM-DD`. Every date a
 * user writes (launch, waiver dates, as-of, profile regimes) goes through this
 * one check, so `2026-02-30` is refused everywhere alike.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
