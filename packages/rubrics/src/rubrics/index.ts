/** The rubric catalogue: every rubric MockLoop scores with, in one list. */
import type { Rubric } from '../schema.ts';
import { behavioralLeadership } from './behavioral-leadership.ts';
import { codingMock } from './coding-mock.ts';
import { mlSystemDesign } from './ml-system-design.ts';
import { staffWeek01 } from './staff-week-01.ts';
import { staffWeek02 } from './staff-week-02.ts';
import { staffWeek03 } from './staff-week-03.ts';
import { staffWeek04 } from './staff-week-04.ts';
import { staffWeek05 } from './staff-week-05.ts';
import { staffWeek06 } from './staff-week-06.ts';
import { staffWeek07 } from './staff-week-07.ts';
import { staffWeek08 } from './staff-week-08.ts';
import { staffWeek09 } from './staff-week-09.ts';
import { staffWeek10 } from './staff-week-10.ts';
import { staffWeek11 } from './staff-week-11.ts';
import { staffWeek12 } from './staff-week-12.ts';
import { staffWeek13 } from './staff-week-13.ts';
import { staffWeek14 } from './staff-week-14.ts';
import { staffWeek15 } from './staff-week-15.ts';
import { staffWeek16 } from './staff-week-16.ts';
import { staffWeek17 } from './staff-week-17.ts';
import { staffWeek18 } from './staff-week-18.ts';
import { staffWeek19 } from './staff-week-19.ts';
import { staffWeek20 } from './staff-week-20.ts';
import { staffWeek21 } from './staff-week-21.ts';
import { staffWeek22 } from './staff-week-22.ts';
import { staffWeek23 } from './staff-week-23.ts';
import { staffWeek24 } from './staff-week-24.ts';
import { systemDesignMock } from './system-design-mock.ts';

/** Ids that other packages (the question bank) refer to; they never change. */
export const RUBRIC_IDS = {
  systemDesignMock: 'system-design-mock',
  codingMock: 'coding-mock',
  behavioralLeadership: 'behavioral-leadership',
  mlSystemDesign: 'ml-system-design'
} as const;

export const rubrics: readonly Rubric[] = [
  systemDesignMock,
  codingMock,
  behavioralLeadership,
  mlSystemDesign,
  staffWeek01,
  staffWeek02,
  staffWeek03,
  staffWeek04,
  staffWeek05,
  staffWeek06,
  staffWeek07,
  staffWeek08,
  staffWeek09,
  staffWeek10,
  staffWeek11,
  staffWeek12,
  staffWeek13,
  staffWeek14,
  staffWeek15,
  staffWeek16,
  staffWeek17,
  staffWeek18,
  staffWeek19,
  staffWeek20,
  staffWeek21,
  staffWeek22,
  staffWeek23,
  staffWeek24
];

const byId = new Map(rubrics.map((rubric) => [rubric.id, rubric]));

/** The rubric with this id, or undefined for an unknown id. */
export function getRubric(id: string): Rubric | undefined {
  return byId.get(id);
}
