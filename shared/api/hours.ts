import type { MethodSpec } from './define';

/** What kind of work an hour entry was (the activity category of the issue). */
export const HOUR_CATEGORIES = ['support', 'facilitation', 'training', 'governance', 'skills_donation', 'logistics', 'admin', 'other'] as const;
export type HourCategory = (typeof HOUR_CATEGORIES)[number];

/** Approval of an entry: only approved minutes count (electron/core/hours/totals.ts). */
export const APPROVALS = ['pending', 'approved', 'rejected'] as const;
export type Approval = (typeof APPROVALS)[number];

/** Where an entry comes from: marked present at an event, or typed by hand. */
export const HOUR_SOURCES = ['attendance', 'manual'] as const;
export type HourSource = (typeof HOUR_SOURCES)[number];

/** Hour entries (attendance and manual), approval and the totals (the one definition, DESIGN §3). */
export const hoursMethods = {} satisfies Record<string, MethodSpec>;
