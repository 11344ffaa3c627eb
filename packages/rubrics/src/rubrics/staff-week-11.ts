/** Week 11 of the 24-week staff roadmap: its evaluation rubric, applied to the event-driven order system. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek11 = staffWeekRubric(11, 'Distributed Systems Deep Dive', [
  {
    id: 'transaction-consistency',
    name: 'Transaction consistency',
    weight: 35,
    competency: 'data-modeling',
    description: 'The saga keeps orders consistent across services, with a compensation for each step.',
    levels: {
      1: 'Partial failures leave orders inconsistent.',
      2: 'A happy-path saga; compensations missing or untested.',
      3: 'Every step has a compensation, handlers are idempotent, guarantees are stated.',
      4: 'Failure injection proves consistency through crashes, retries and duplicate events.'
    }
  },
  {
    id: 'fault-tolerance-implementation',
    name: 'Fault tolerance implementation',
    weight: 30,
    competency: 'reliability',
    description: 'Circuit breakers, retries, timeouts and bulkheads contain failures.',
    levels: {
      1: 'One failing service takes everything down.',
      2: 'Retries without timeouts or backoff.',
      3: 'Timeouts, retries with backoff, circuit breakers and bulkheads where needed.',
      4: 'Chaos-tested, degrading gracefully, with the failure modes written down.'
    }
  },
  {
    id: 'observability-setup',
    name: 'Observability setup',
    weight: 20,
    competency: 'reliability',
    description: 'Tracing follows an order through the event pipeline.',
    levels: {
      1: 'No way to tell where an order is stuck.',
      2: 'Logs exist, without trace context across Kafka.',
      3: 'Trace context carried through events, with lag and error metrics.',
      4: 'End-to-end traces and consumer-lag alerts, used to debug a failure.'
    }
  },
  {
    id: 'scalability-demonstration',
    name: 'Scalability demonstration',
    weight: 15,
    competency: 'scalability',
    description: 'The pipeline shows it scales with partitions and consumers.',
    levels: {
      1: 'Never run beyond one instance.',
      2: 'Claims scalability without evidence.',
      3: 'A load test showing throughput grow with partitions and consumers.',
      4: 'Finds the ceiling and the next bottleneck, with numbers.'
    }
  }
]);
