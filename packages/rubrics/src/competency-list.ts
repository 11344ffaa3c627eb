/** The competency taxonomy, zod-free (pages import it): every rubric criterion maps to one, so weak areas add up across rubrics. */

export const COMPETENCY_IDS = [
  'requirements',
  'estimation',
  'architecture',
  'scalability',
  'data-modeling',
  'tradeoffs',
  'reliability',
  'security',
  'ml-lifecycle',
  'correctness',
  'complexity',
  'edge-cases',
  'code-quality',
  'communication',
  'time-management',
  'leadership',
  'impact'
] as const;

export type CompetencyId = (typeof COMPETENCY_IDS)[number];

export type Competency = { id: CompetencyId; name: string; description: string };

export const competencies: readonly Competency[] = [
  {
    id: 'requirements',
    name: 'Requirements and scoping',
    description: 'Turns a vague ask into functional and non-functional requirements, scope and success measures.'
  },
  {
    id: 'estimation',
    name: 'Capacity estimation',
    description: 'Back-of-envelope numbers for traffic, storage, bandwidth and latency that shape the design.'
  },
  {
    id: 'architecture',
    name: 'Architecture and interfaces',
    description: 'Decomposes a system into components, services and APIs with clear responsibilities.'
  },
  {
    id: 'scalability',
    name: 'Scalability and performance',
    description: 'Finds bottlenecks and scales past them: caching, sharding, replication, profiling, load tests.'
  },
  {
    id: 'data-modeling',
    name: 'Data modelling and consistency',
    description: 'Schemas, integrity constraints, transactions and the consistency model of stored data.'
  },
  {
    id: 'tradeoffs',
    name: 'Trade-offs and decisions',
    description: 'Weighs alternatives against requirements, cost and risk, and commits to a justified choice.'
  },
  {
    id: 'reliability',
    name: 'Reliability and operations',
    description: 'Fault tolerance, observability, automated delivery and incident response that keep a system up.'
  },
  {
    id: 'security',
    name: 'Security and governance',
    description: 'Authentication, authorisation, data protection, compliance and the policies that enforce them.'
  },
  {
    id: 'ml-lifecycle',
    name: 'ML lifecycle',
    description: 'Data, features, training, evaluation, serving, monitoring and drift of production ML systems.'
  },
  {
    id: 'correctness',
    name: 'Correctness',
    description: 'Code and pipelines produce the right results, shown by tests.'
  },
  {
    id: 'complexity',
    name: 'Complexity analysis',
    description: 'States and justifies time and space costs and picks algorithms by them.'
  },
  {
    id: 'edge-cases',
    name: 'Edge cases and error handling',
    description: 'Lists the unusual inputs and failure paths up front and handles each one.'
  },
  {
    id: 'code-quality',
    name: 'Code quality',
    description: 'Readable, well-structured, documented code that others can change safely.'
  },
  {
    id: 'communication',
    name: 'Communication',
    description: 'Explains thinking and decisions clearly, in speech and in writing, to the audience at hand.'
  },
  {
    id: 'time-management',
    name: 'Time management',
    description: 'Paces an interview against its time box and phase plan, leaving time for what matters.'
  },
  {
    id: 'leadership',
    name: 'Leadership and influence',
    description: 'Leads without authority: aligns people, resolves conflict, grows others, learns from failure.'
  },
  {
    id: 'impact',
    name: 'User and business impact',
    description: 'Ties technical work to user value, adoption, cost and return on investment.'
  }
];

const byId = new Map(competencies.map((competency) => [competency.id, competency]));

/** The competency with this id, or undefined for an unknown id. */
export function getCompetency(id: string): Competency | undefined {
  return byId.get(id as CompetencyId);
}
