/**
 * The study plan as an iCalendar file (written with ical-generator): the scheduled mocks, the reviews due and the
 * interview, all-day events each with an id that stays the same across exports, so a calendar that subscribes
 * updates them instead of adding copies.
 */
import type { Insights } from '@mockloop/contracts';
import type { Roadmap, ScheduledMock } from '@mockloop/rubrics/plan';
import ical from 'ical-generator';

export interface PlanCalendarInput {
  userId: string;
  road: Pick<Roadmap, 'name'>;
  mocks: readonly ScheduledMock[];
  reviews: Insights['reviews'];
  interview: string | null;
  /** Where MockLoop is, for the links back to the dashboard. */
  origin: string;
}

export function planCalendar({ userId, road, mocks, reviews, interview, origin }: PlanCalendarInput): string {
  const cal = ical({ name: `MockLoop · ${road.name}`, prodId: { company: 'MockLoop', product: 'Study plan' } });
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  for (const m of mocks) {
    cal.createEvent({
      id: `${userId}-${m.id}@mockloop`,
      start: day(m.on),
      allDay: true,
      summary: `Mock: ${m.title}`,
      description: `A ${m.kind} mock from your ${road.name}. Start it from the dashboard: ${origin}/`,
      url: `${origin}/`
    });
  }
  for (const r of reviews) {
    cal.createEvent({
      id: `${userId}-review-${r.kind}-${r.tag}@mockloop`,
      start: day(r.dueAt.slice(0, 10)),
      allDay: true,
      summary: `Review: ${r.tag}`,
      description: `Due for review in a ${r.sessionKind} mock.`
    });
  }
  if (interview)
    cal.createEvent({ id: `${userId}-interview@mockloop`, start: day(interview), allDay: true, summary: 'Interview' });
  return cal.toString();
}
