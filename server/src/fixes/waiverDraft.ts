/** What a new waiver is filled in with: the reviewer when known, today, and an expiry some days on. */
import type { Profile } from '../profile/profileTypes';
import type { WaiverDraft } from './fixTypes';

/** How long a new waiver lasts when the profile does not say. */
export const DEFAULT_WAIVER_DAYS = 180;

/** `YYYY-MM-DD` plus `days`, in the calendar, without time zones. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function waiverDraft(today: string, approver: string | undefined, profile?: Pick<Profile, 'waiverDays'>): WaiverDraft {
  return { approver: approver || undefined, approvedOn: today, expires: addDays(today, profile?.waiverDays ?? DEFAULT_WAIVER_DAYS) };
}
