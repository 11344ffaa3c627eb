/** Week 04 of the 24-week staff roadmap: its evaluation rubric, applied to the RESTful blog API. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek04 = staffWeekRubric(4, 'Backend API Development', [
  {
    id: 'api-follows-rest-conventions',
    name: 'API follows REST conventions',
    weight: 35,
    competency: 'architecture',
    description: 'Resources, methods, status codes and URLs follow REST conventions.',
    levels: {
      1: 'Verbs in URLs and every response a 200.',
      2: 'Mostly resource-oriented, with misused methods or status codes.',
      3: 'Consistent resources, correct methods and status codes, paginated lists.',
      4: 'Also versioning, idempotency and a documented contract clients can rely on.'
    }
  },
  {
    id: 'proper-authentication-implementation',
    name: 'Proper authentication implementation',
    weight: 25,
    competency: 'security',
    critical: true,
    description: 'JWT issuing, verification and expiry protect every endpoint that needs it.',
    levels: {
      1: 'Protected routes are reachable without a valid token.',
      2: 'Tokens checked, but secrets hard-coded or expiry ignored.',
      3: 'Hashed passwords, signed expiring tokens, checks on every protected route.',
      4: 'Plus refresh and revocation, rate-limited login, and tests of the failure paths.'
    }
  },
  {
    id: 'error-handling-comprehensive',
    name: 'Error handling comprehensive',
    weight: 25,
    competency: 'edge-cases',
    description: 'Invalid input and failures return consistent, informative error responses.',
    levels: {
      1: 'Unhandled errors leak stack traces or crash the server.',
      2: 'Some validation; error shapes differ from route to route.',
      3: 'Central error handling, one error shape, validation on every input.',
      4: 'Every failure path tested, logged with context and documented for clients.'
    }
  },
  {
    id: 'code-security-practices',
    name: 'Code security practices',
    weight: 15,
    competency: 'security',
    description: 'Input validation, safe queries, secrets and dependencies are handled securely.',
    levels: {
      1: 'SQL built by string concatenation, secrets in the repository.',
      2: 'Parameterised queries, with gaps in validation or secret handling.',
      3: 'Validation, parameterised queries, secrets from the environment, rate limiting.',
      4: 'Threat-modelled, dependency-scanned, with security headers and abuse-case tests.'
    }
  }
]);
