/** Every route of the API, chained so that `ApiRoutes` carries each one's path, input and responses (the web's typed client). */
import { authRoutes } from './auth.ts';
import { callRoutes } from './call.ts';
import { catalogRoutes } from './catalog.ts';
import { healthRoutes } from './health.ts';
import { insightRoutes } from './insights.ts';
import { interviewerRoutes } from './interviewers.ts';
import { liveRoutes } from './live.ts';
import { loopRoutes } from './loops.ts';
import { partnerRoutes } from './partners.ts';
import { createRouter } from './openapi.ts';
import { planRoutes } from './plans.ts';
import { reviewRoutes } from './reviews.ts';
import { sessionRoutes } from './sessions.ts';
import { recordingRoutes } from './recordings.ts';
import { storyRoutes } from './stories.ts';

export const apiRoutes = createRouter()
  .route('/', healthRoutes)
  .route('/', authRoutes)
  .route('/', catalogRoutes)
  .route('/', sessionRoutes)
  .route('/', reviewRoutes)
  .route('/', interviewerRoutes)
  .route('/', loopRoutes)
  .route('/', partnerRoutes)
  .route('/', liveRoutes)
  .route('/', callRoutes)
  .route('/', insightRoutes)
  .route('/', storyRoutes)
  .route('/', recordingRoutes)
  .route('/', planRoutes);

export type ApiRoutes = typeof apiRoutes;
