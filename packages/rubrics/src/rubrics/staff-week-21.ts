/** Week 21 of the 24-week staff roadmap: its evaluation rubric, applied to the architecture review. */
import { staffWeekRubric } from './staff-week.ts';

export const staffWeek21 = staffWeekRubric(21, 'Staff-Level Architecture Reviews', [
  {
    id: 'review-thoroughness',
    name: 'Review thoroughness',
    weight: 35,
    competency: 'architecture',
    description: "The review covers the system's structure, data, scale, failure modes and security.",
    levels: {
      1: 'Surface-level opinions.',
      2: 'Covers some dimensions and misses major ones.',
      3: 'A systematic review of every dimension, with evidence.',
      4: 'Finds non-obvious, systemic issues others missed.'
    }
  },
  {
    id: 'recommendation-quality',
    name: 'Recommendation quality',
    weight: 30,
    competency: 'tradeoffs',
    description: 'Recommendations are actionable, prioritised and weighed against their cost.',
    levels: {
      1: 'Vague or impractical advice.',
      2: 'Actionable but unprioritised.',
      3: 'Prioritised recommendations with effort, benefit and trade-offs.',
      4: 'A sequenced plan that the team adopts.'
    }
  },
  {
    id: 'documentation-completeness',
    name: 'Documentation completeness',
    weight: 20,
    competency: 'communication',
    description: 'Decisions and their rationale are recorded so others can follow them later.',
    levels: {
      1: 'Nothing written.',
      2: 'Findings listed without rationale.',
      3: 'Findings, decisions and rationale recorded as ADRs.',
      4: 'A reusable review record that shapes later reviews.'
    }
  },
  {
    id: 'risk-assessment-accuracy',
    name: 'Risk assessment accuracy',
    weight: 15,
    competency: 'tradeoffs',
    description: 'Risks are identified, rated by likelihood and impact, and given mitigations.',
    levels: {
      1: 'Risks not identified.',
      2: 'Risks listed without ratings or mitigations.',
      3: 'Risks rated, with mitigations and owners.',
      4: 'Ratings borne out by evidence, with mitigations already under way.'
    }
  }
]);
