/** Week 07 of the 24-week staff roadmap: its evaluation rubric, applied to the e-commerce microservices. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek07 = staffWeekRubric(7, 'Microservices Architecture', [
  {
    id: 'service-decomposition-quality',
    name: 'Service decomposition quality',
    weight: 30,
    competency: 'architecture',
    description: 'Service boundaries follow the domain and each service owns its data.',
    levels: {
      1: 'Services split arbitrarily and sharing one database.',
      2: 'Plausible boundaries, with chatty calls or shared tables.',
      3: 'Bounded contexts with owned data and narrow interfaces.',
      4: 'Boundaries argued from the domain, including what was kept together and why.'
    }
  },
  {
    id: 'communication-patterns',
    name: 'Communication patterns',
    weight: 30,
    competency: 'architecture',
    description: 'Synchronous calls and events are each used for the interactions that suit them.',
    levels: {
      1: 'Everything synchronous, so one failure cascades.',
      2: 'Events used without thought for retries, idempotency or ordering.',
      3: 'REST for queries, events for workflows, retries and idempotent consumers.',
      4: 'Explicit contracts, dead-letter handling and the consistency trade-offs explained.'
    }
  },
  {
    id: 'observability-implementation',
    name: 'Observability implementation',
    weight: 20,
    competency: 'reliability',
    description: "Traces, logs and metrics show a request's path through the services.",
    levels: {
      1: 'No way to follow a request across services.',
      2: 'Logs per service, with no correlation between them.',
      3: 'Distributed tracing with correlated logs and health checks.',
      4: 'Dashboards and alerts on service-level signals, used to find a real fault.'
    }
  },
  {
    id: 'deployment-automation',
    name: 'Deployment automation',
    weight: 20,
    competency: 'reliability',
    description: 'Services build, start and deploy from containers and scripts, not by hand.',
    levels: {
      1: 'Manual start-up steps.',
      2: 'Dockerfiles exist; bringing services up is manual.',
      3: 'One command brings up every service with health checks.',
      4: 'Automated build and deploy per service, reproducible on a clean machine.'
    }
  }
]);
