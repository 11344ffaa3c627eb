/** The competency taxonomy and its schema; the data lives zod-free in competency-list.ts. */
import { z } from 'zod';
import { COMPETENCY_IDS } from './competency-list.ts';

export * from './competency-list.ts';

export const competencyIdSchema = z.enum(COMPETENCY_IDS);
