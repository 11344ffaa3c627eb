/** Week 22 of the 24-week staff roadmap: its evaluation rubric, applied to the system modernisation RFC. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek22 = staffWeekRubric(22, 'RFC Writing & Technical Proposals', [
  {
    id: 'rfc-completeness',
    name: 'RFC completeness',
    weight: 35,
    competency: 'communication',
    description: 'The RFC covers problem, goals, design, alternatives, migration and rollout.',
    levels: {
      1: 'An outline, not an RFC.',
      2: 'The design described; alternatives or migration missing.',
      3: 'Every section present, with alternatives and a migration plan.',
      4: 'Anticipates the objections and answers them; ready for approval.'
    }
  },
  {
    id: 'technical-accuracy',
    name: 'Technical accuracy',
    weight: 30,
    competency: 'architecture',
    description: 'The proposed design and its specification are technically sound.',
    levels: {
      1: 'The design has fundamental errors.',
      2: 'Sound in outline, wrong in details.',
      3: 'An accurate specification that experts can check.',
      4: 'Accurate and backed by prototypes or data.'
    }
  },
  {
    id: 'communication-effectiveness',
    name: 'Communication effectiveness',
    weight: 20,
    competency: 'communication',
    description: 'Stakeholders understand the proposal and what it asks of them.',
    levels: {
      1: 'Stakeholders not addressed.',
      2: 'Only one audience served.',
      3: 'A communication plan tailored to each stakeholder group.',
      4: 'Stakeholders aligned and objections resolved before the review.'
    }
  },
  {
    id: 'implementation-feasibility',
    name: 'Implementation feasibility',
    weight: 15,
    competency: 'tradeoffs',
    description: 'The rollout plan is realistic in scope, staffing and risk.',
    levels: {
      1: 'No plan.',
      2: 'A plan with unrealistic timelines.',
      3: 'A phased plan with estimates, dependencies and rollback points.',
      4: 'A plan de-risked by milestones and a pilot.'
    }
  }
]);
