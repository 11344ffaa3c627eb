/** Request and response schemas shared by the API and the web app: each shape is declared here once. */
export * from './errors.ts';
export * from './auth.ts';
export * from './health.ts';
export * from './kinds.ts';
export * from './questions.ts';
export * from './sessions.ts';
export * from './work.ts';
export * from './submissions.ts';
export * from './assessments.ts';
export * from './reviews.ts';
export * from './loops.ts';
export * from './insights.ts';
export * from './live.ts';
export { utf8Bytes } from './text.ts';
export * from './stories.ts';
export * from './recordings.ts';
export * from './plans.ts';
export * from './params.ts';
