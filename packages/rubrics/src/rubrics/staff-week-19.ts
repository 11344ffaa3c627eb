/** Week 19 of the 24-week staff roadmap: its evaluation rubric, applied to the enterprise AI platform with RAG. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek19 = staffWeekRubric(19, 'Advanced AI Systems & MLOps', [
  {
    id: 'ai-system-performance',
    name: 'AI system performance',
    weight: 35,
    competency: 'ml-lifecycle',
    description: "The RAG system's answer quality and latency are measured and good.",
    levels: {
      1: 'Answers unreliable and quality unmeasured.',
      2: 'Works in demos; no evaluation set.',
      3: 'An evaluation set with retrieval and answer metrics; latency within budget.',
      4: 'Continuous evaluation, tuned retrieval and reranking, regressions caught.'
    }
  },
  {
    id: 'mlops-automation',
    name: 'MLOps automation',
    weight: 30,
    competency: 'ml-lifecycle',
    description: 'Training, evaluation and deployment of models run automatically.',
    levels: {
      1: 'Manual steps throughout.',
      2: 'Some steps scripted.',
      3: 'An automated pipeline from data to deployed model, with quality gates.',
      4: 'Continuous training with automatic promotion and rollback.'
    }
  },
  {
    id: 'governance-implementation',
    name: 'Governance implementation',
    weight: 20,
    competency: 'ml-lifecycle',
    description: 'Model versions, lineage, approvals and usage policies are tracked.',
    levels: {
      1: 'No record of which model is live or why.',
      2: 'A registry, without approvals or lineage.',
      3: 'A registry with lineage, approvals and model cards.',
      4: 'Governance enforced in the pipeline, with audit trails for compliance.'
    }
  },
  {
    id: 'scalability-demonstration',
    name: 'Scalability demonstration',
    weight: 15,
    competency: 'scalability',
    description: 'The platform serves growing load with autoscaling and efficient inference.',
    levels: {
      1: 'Never tested beyond one user.',
      2: 'Claims without load tests.',
      3: 'A load test showing autoscaling hold latency.',
      4: 'Cost and latency per query tracked as load grows.'
    }
  }
]);
