/**
 * A booked pair as an iCalendar event (written with ical-generator, as the study plan's calendar is): its times in
 * UTC, which every calendar shows in its owner's zone, an id that stays the same across downloads (a second import
 * updates the event instead of copying it), and a reminder before it starts.
 */
import { REMINDER_LEAD_MIN, type PartnerBooking } from '@mockloop/contracts';
import ical, { ICalAlarmType } from 'ical-generator';

const KIND_LABELS: Record<PartnerBooking['kind'], string> = {
  coding: 'coding',
  design: 'system design',
  behavioral: 'behavioral'
};

export function bookingCalendar(booking: PartnerBooking, origin: string): string {
  const cal = ical({ name: 'MockLoop practice pair', prodId: { company: 'MockLoop', product: 'Practice partners' } });
  const url = `${origin}/partners/${booking.id}`;
  const event = cal.createEvent({
    id: `pair-${booking.id}@mockloop`,
    start: new Date(booking.start),
    end: new Date(booking.end),
    summary: `MockLoop: ${KIND_LABELS[booking.kind]} pair with ${booking.partner.name}`,
    description:
      `A ${booking.level}-level ${KIND_LABELS[booking.kind]} practice pair: each of you interviews the other, ` +
      `half the time each way.${booking.topic ? ` Topic: ${booking.topic}.` : ''} ` +
      `${booking.partner.name} is in ${booking.partner.timeZone}. Join the room: ${url}`,
    url
  });
  event.createAlarm({
    type: ICalAlarmType.display,
    trigger: REMINDER_LEAD_MIN * 60,
    description: 'Practice pair soon'
  });
  return cal.toString();
}
