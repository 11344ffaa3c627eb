/** The study plan: the roadmaps as plans, on the calendar, compressed before an interview, moving with weak areas. */
export * from './roadmaps.ts';
export * from './calendar.ts';
export * from './compress.ts';
export * from './weak-areas.ts';
export * from './readiness.ts';
export * from './ledger.ts';
