/** The behavioral and leadership mock: the 60-day plan's leadership days (38–44) and interview prep (56–57). */
import type { Rubric } from '../schema.ts';
import { SEED } from '../seeds.ts';
import { STANDARD_HIRE_THRESHOLDS } from './thresholds.ts';

export const behavioralLeadership: Rubric = {
  id: 'behavioral-leadership',
  version: 2,
  title: 'Behavioral and leadership mock',
  kind: 'behavioral',
  source: { file: SEED.principalAiArchitect60Day, section: 'Day 57: Behavioral Interview Preparation' },
  alsoFrom: [
    { file: SEED.principalAiArchitect60Day, section: 'Day 38: Technical Leadership' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 39: Stakeholder Management' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 41: ML Project Scoping & Planning' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 44: Change Management' },
    { file: SEED.principalAiArchitect60Day, section: 'Day 56: Leadership & Strategy Interview Prep' }
  ],
  hireThresholds: STANDARD_HIRE_THRESHOLDS,
  criteria: [
    {
      id: 'star-structure',
      name: 'STAR story structure',
      weight: 20,
      competency: 'communication',
      // Suggested from the answers (parts present, a number in the result, "I" in the action); never imposed.
      auto: 'starStructure',
      description: "Answers as a concrete story: situation, task, the candidate's own actions, and the result.",
      levels: {
        1: 'Generalities or hypotheticals; no real story.',
        2: 'A real story, but rambling, "we" throughout, or no result.',
        3: "A tight STAR story with the candidate's own actions and a measurable result.",
        4: 'Crisp, well-chosen stories with results and reflection, adjusted to each follow-up.'
      }
    },
    {
      id: 'influence-without-authority',
      name: 'Influence without authority',
      weight: 20,
      competency: 'leadership',
      description: 'Moves people and teams they do not manage toward a technical direction.',
      levels: {
        1: 'Relies on escalation or mandate, or has no example.',
        2: 'Persuaded one person or team, mostly by persistence.',
        3: 'Built alignment across teams with data, prototypes and listening.',
        4: "Changed an organisation's direction through trust and shared goals, and it stuck."
      }
    },
    {
      id: 'stakeholder-communication',
      name: 'Stakeholder communication',
      weight: 20,
      competency: 'communication',
      description: 'Explains technical decisions to executives, product and engineers, managing expectations.',
      levels: {
        1: 'Same jargon for every audience; expectations left unmanaged.',
        2: 'Adapts somewhat, but the business impact stays vague.',
        3: "Frames decisions in each audience's terms and manages expectations early.",
        4: 'Wins executive backing with a clear business case and keeps stakeholders aligned through change.'
      }
    },
    {
      id: 'dealing-with-ambiguity',
      name: 'Dealing with ambiguity',
      weight: 15,
      competency: 'requirements',
      description: 'Turns an unclear goal into scoped, prioritised work and moves forward.',
      levels: {
        1: 'Waits for clarity or freezes.',
        2: 'Moves forward, but without framing the problem or the risks.',
        3: 'Clarifies goals, scopes a first step and adjusts as facts arrive.',
        4: 'Creates clarity for others: a framing and a plan the organisation adopts.'
      }
    },
    {
      id: 'conflict-resolution',
      name: 'Conflict resolution',
      weight: 10,
      competency: 'leadership',
      description: 'Resolves disagreement between people or teams constructively.',
      levels: {
        1: 'Avoids the conflict or escalates it.',
        2: 'Resolves it, with a relationship damaged along the way.',
        3: 'Finds the underlying interests and reaches an agreement both sides accept.',
        4: 'Turns the conflict into a better decision and a stronger working relationship.'
      }
    },
    {
      id: 'decision-making',
      name: 'Strategic decision-making',
      weight: 10,
      competency: 'tradeoffs',
      description: 'Shows sound judgement in an architectural or strategic decision they owned.',
      levels: {
        1: 'Cannot describe a decision they owned.',
        2: 'Describes the decision but not the alternatives or the risks.',
        3: 'Explains the options, the trade-offs and why the choice was right then.',
        4: 'Also what they would change now, and how the decision was recorded and revisited.'
      }
    },
    {
      id: 'growth-and-learning',
      name: 'Failure, learning and mentoring',
      weight: 5,
      competency: 'leadership',
      description: 'Owns failures, learns from them, and grows the people around them.',
      levels: {
        1: 'Blames others or cannot name a failure.',
        2: 'Names a failure with little reflection.',
        3: 'Owns a real failure, the lesson, and an example of mentoring someone.',
        4: 'Shows lessons turned into practice for a team, and people they grew who now lead.'
      }
    }
  ]
};
