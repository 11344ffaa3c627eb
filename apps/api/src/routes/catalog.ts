/** The question bank and rubrics: public content, no sign-in needed. Hidden tests never leave through here. */
import { createRoute } from '@hono/zod-openapi';
import {
  bankIdParamSchema,
  questionListSchema,
  questionQuerySchema,
  questionResponseSchema,
  rubricCatalogSchema,
  rubricResponseSchema
} from '@mockloop/contracts';
import {
  competencies,
  competencyStudyPlan,
  CODING_PATTERNS,
  getRubric,
  patternStudyPlan,
  rubrics
} from '@mockloop/rubrics';
import { notFound } from '../errors.ts';
import { publicQuestion } from '../services/catalog.ts';
import { createRouter, errorResponses, jsonResponse } from './openapi.ts';

const listRubrics = createRoute({
  method: 'get',
  path: '/rubrics',
  tags: ['catalog'],
  responses: {
    200: jsonResponse(
      rubricCatalogSchema,
      'Every rubric, the competency taxonomy, the coding patterns and the study-plan map'
    )
  }
});

const readRubric = createRoute({
  method: 'get',
  path: '/rubrics/{id}',
  tags: ['catalog'],
  request: { params: bankIdParamSchema },
  responses: { 200: jsonResponse(rubricResponseSchema, 'One rubric'), ...errorResponses(404) }
});

const listQuestions = createRoute({
  method: 'get',
  path: '/questions',
  tags: ['catalog'],
  request: { query: questionQuerySchema },
  responses: { 200: jsonResponse(questionListSchema, 'Questions matching every filter'), ...errorResponses(400) }
});

const readQuestion = createRoute({
  method: 'get',
  path: '/questions/{id}',
  tags: ['catalog'],
  request: { params: bankIdParamSchema },
  responses: { 200: jsonResponse(questionResponseSchema, 'One question, without hidden tests'), ...errorResponses(404) }
});

const mutable = <T>(plan: Record<string, readonly T[]>): Record<string, T[]> =>
  Object.fromEntries(Object.entries(plan).map(([key, refs]) => [key, [...refs]]));

export const catalogRoutes = createRouter()
  .openapi(listRubrics, (c) =>
    c.json(
      {
        items: [...rubrics],
        competencies: [...competencies],
        patterns: [...CODING_PATTERNS],
        studyPlan: { competencies: mutable(competencyStudyPlan), patterns: mutable(patternStudyPlan) }
      },
      200
    )
  )
  .openapi(readRubric, (c) => {
    const rubric = getRubric(c.req.valid('param').id);
    if (!rubric) throw notFound('That rubric');
    return c.json({ rubric }, 200);
  })
  .openapi(listQuestions, (c) => c.json(c.var.services.catalog.list(c.req.valid('query')), 200))
  .openapi(readQuestion, (c) => {
    const question = c.var.services.catalog.get(c.req.valid('param').id);
    if (!question) throw notFound('That question');
    return c.json({ question: publicQuestion(question) }, 200);
  });
