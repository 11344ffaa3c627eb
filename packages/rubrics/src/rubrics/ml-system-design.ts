/** The ML system design mock for principal AI architect prompts, from the 60-day plan's Days 8–15 and 16–30. */
import type { Rubric } from '../schema.ts';
import { SEED } from '../seeds.ts';
import { STANDARD_HIRE_THRESHOLDS } from './thresholds.ts';

export const mlSystemDesign: Rubric = {
  id: 'ml-system-design',
  version: 1,
  title: 'ML system design mock',
  kind: 'design',
  source: { file: SEED.principalAiArchitect60Day, section: 'Week 2: ML Production Engineering (Days 8-15)' },
  alsoFrom: [
    { file: SEED.principalAiArchitect60Day, section: 'Week 3: ML System Design Fundamentals (Days 16-22)' },
    { file: SEED.principalAiArchitect60Day, section: 'Week 4: Advanced Architecture Patterns (Days 23-30)' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 8: Feature Engineering at Scale' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 10: Model Deployment & Serving' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 12: Model Monitoring & Observability' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 14: Data Quality & Governance for ML' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 30: Cloud ML Infrastructure' }
  ],
  hireThresholds: STANDARD_HIRE_THRESHOLDS,
  criteria: [
    {
      id: 'problem-framing',
      name: 'Problem framing',
      weight: 10,
      competency: 'requirements',
      description: 'Turns the business goal into an ML task, a success metric and latency and scale targets.',
      levels: {
        1: 'Jumps to a model without saying what it optimises or how success is measured.',
        2: 'Names an ML task, but the business metric or constraints stay vague.',
        3: 'Clear ML objective, offline and online metrics, and latency and scale targets.',
        4: 'Questions whether ML is needed, and picks metrics that cannot be gamed.'
      }
    },
    {
      id: 'data',
      name: 'Data',
      weight: 15,
      competency: 'ml-lifecycle',
      description: 'Sources, labels, pipelines, quality checks and governance of the training and serving data.',
      levels: {
        1: 'Assumes clean, labelled data simply exists.',
        2: 'Names sources, but labelling, quality or privacy are not addressed.',
        3: 'Data sources, labelling, validation, lineage and privacy covered.',
        4: 'Plans for label delay, feedback loops and bias in the data, with versioned datasets.'
      }
    },
    {
      id: 'features',
      name: 'Features',
      weight: 15,
      competency: 'ml-lifecycle',
      description: 'Feature design and the pipelines that compute them online and offline.',
      levels: {
        1: 'No features discussed.',
        2: 'Lists features, with nothing on how they are computed or served.',
        3: 'Online and offline features via a feature store, point-in-time correct, no training-serving skew.',
        4: 'Feature freshness, sharing and cost weighed; real-time features only where they pay.'
      }
    },
    {
      id: 'model-choice',
      name: 'Model choice',
      weight: 15,
      competency: 'ml-lifecycle',
      description: 'Picks a model from a baseline up, with its training and evaluation plan.',
      levels: {
        1: 'A fashionable model with no reasoning.',
        2: 'A reasonable model, without a baseline or an evaluation plan.',
        3: 'Baseline first, then a justified model with offline evaluation and an A/B plan.',
        4: 'Compares model families on accuracy, latency and cost, and plans staged rollout.'
      }
    },
    {
      id: 'serving',
      name: 'Serving',
      weight: 15,
      competency: 'scalability',
      description: 'How predictions reach users: batch or real time, latency, throughput and rollout.',
      levels: {
        1: 'Serving not addressed.',
        2: 'A model behind an API, with latency and scale not considered.',
        3: 'Batch or online serving chosen for the need, with latency budget, scaling and canary rollout.',
        4: 'Optimised serving (caching, batching, distillation or cascades) sized to the numbers.'
      }
    },
    {
      id: 'monitoring-and-drift',
      name: 'Monitoring and drift',
      weight: 15,
      competency: 'ml-lifecycle',
      description: 'Detects data and concept drift and model decay, and acts on them.',
      levels: {
        1: 'No monitoring after deployment.',
        2: 'System metrics only; drift mentioned in passing.',
        3: 'Data drift, concept drift and model quality monitored, with retraining triggers.',
        4: 'A closed loop: alerts, root-cause tooling, automated retraining and safe promotion.'
      }
    },
    {
      id: 'cost',
      name: 'Cost',
      weight: 10,
      competency: 'impact',
      description: 'Estimates and controls the cost of training and serving against the value delivered.',
      levels: {
        1: 'Cost never mentioned.',
        2: 'Cost mentioned, not estimated.',
        3: 'Rough training and serving cost, with levers to reduce it.',
        4: 'Cost tied to business value, with the cheapest design that meets the targets.'
      }
    },
    {
      id: 'capacity-estimation',
      name: 'Capacity estimation',
      weight: 5,
      competency: 'estimation',
      description: 'Estimates request rates, data volumes and compute that size the system.',
      levels: {
        1: 'No numbers.',
        2: 'Some numbers that the design does not use.',
        3: 'QPS, data volume and compute estimates that size serving and training.',
        4: 'Estimates expose the binding constraint and steer the key choices.'
      }
    }
  ]
};
