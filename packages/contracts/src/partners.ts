/**
 * Practice partners (issue 35): free slots published in one's own time zone, pairs proposed by level and wishes,
 * open requests others may take, and bookings: two ordinary sessions of the wished kind, one each way.
 *
 * Routes (all under /api, signed in):
 * - GET    /partners                          one's slots, proposals, bookings, others' open requests, standing
 * - POST   /partners/slots                    publish a slot (a local date-time in an IANA time zone); MockLoop
 *                                             proposes a pair at once when another open slot fits
 * - DELETE /partners/slots/:id                withdraw one's open slot
 * - POST   /partners/slots/:id/take           take another's open request: booked at its start (409 SLOT_TAKEN when
 *                                             someone took it first, 409 DOUBLE_BOOKED when the taker is booked then)
 * - POST   /partners/proposals/:id/accept     accept a proposed pair; booked once both accepted
 * - POST   /partners/proposals/:id/decline    decline it: both slots are open again (the decliner's withdrawn)
 * - GET    /partners/bookings/:id             the booking as one of its two people sees it (anyone else: 404)
 * - POST   /partners/bookings/:id/join        one of its two says they are here; the first half starts when both are
 * - POST   /partners/bookings/:id/done        one side is done with the current half; both done: the roles swap
 * - GET    /partners/bookings/:id/ics         the booking as an iCalendar event
 */
import { levelSchema } from '@mockloop/question-bank/schema';
import { QUESTION_KINDS, type QuestionKind } from '@mockloop/rubrics/kinds';
import { z } from 'zod';
import { wellFormedText } from './text.ts';

export const partnerKindSchema = z.enum(QUESTION_KINDS, { error: 'Choose coding, design or behavioral' });
export const partnerLevelSchema = levelSchema;
export type PartnerLevel = z.infer<typeof partnerLevelSchema>;

/**
 * How long a pair meets, by kind: two halves, each a mock of a length its kind allows (a design mock lasts at least
 * 45 minutes, so a design pair meets for 90).
 */
export const PAIR_MINUTES: Record<QuestionKind, number> = { coding: 60, behavioral: 60, design: 90 };

/** Slots start on the quarter hour (every time zone's offset is a multiple of 15 minutes, so UTC's too). */
export const SLOT_STEP_MIN = 15;
/** The longest window one slot may offer. */
export const SLOT_MAX_MIN = 240;
/** After the booked start, a side that has not joined within this is recorded as a no-show. */
export const NO_SHOW_GRACE_MIN = 10;
/** How long before a booked start the app reminds both people. */
export const REMINDER_LEAD_MIN = 60;

/** What a person wants to practise in a slot. */
export const partnerWishSchema = z.object({
  kind: partnerKindSchema,
  level: partnerLevelSchema,
  /** A topic to practise ("rate limiter", "graphs"); it orders matches, it does not exclude any. */
  topic: wellFormedText().trim().max(80).optional(),
  /** The roadmap week it belongs to, if any. */
  roadmapWeek: z.int().min(1).max(60).optional()
});
export type PartnerWish = z.infer<typeof partnerWishSchema>;

/** Whether `zone` is an IANA time zone this runtime knows. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'Not a known time zone (use an IANA name such as Europe/Berlin)');

/** A local date-time on the quarter hour: YYYY-MM-DDTHH:mm. */
export const localDateTimeSchema = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):(00|15|30|45)$/, {
    error: 'Use YYYY-MM-DDTHH:mm on the quarter hour'
  });

export const publishSlotBodySchema = z
  .object({
    /** When the window opens, in `timeZone`'s local time. */
    start: localDateTimeSchema,
    timeZone: timeZoneSchema,
    /** How long the window stays open (at least the pair's length for the kind). */
    durationMin: z
      .int()
      .min(60)
      .max(SLOT_MAX_MIN)
      .refine((m) => m % SLOT_STEP_MIN === 0, 'Use a multiple of 15 minutes')
      .optional(),
    wish: partnerWishSchema
  })
  .strict()
  .refine((body) => (body.durationMin ?? PAIR_MINUTES[body.wish.kind]) >= PAIR_MINUTES[body.wish.kind], {
    message: 'A design pair meets for 90 minutes: offer at least that',
    path: ['durationMin']
  });
export type PublishSlotBody = z.infer<typeof publishSlotBodySchema>;

export const SLOT_STATUSES = ['open', 'proposed', 'booked', 'withdrawn', 'lapsed'] as const;
export const partnerSlotSchema = z.object({
  id: z.string(),
  /** The window's start and end, ISO UTC. */
  start: z.string(),
  end: z.string(),
  durationMin: z.int(),
  timeZone: z.string(),
  wish: partnerWishSchema,
  status: z.enum(SLOT_STATUSES),
  /** Who published it (open requests show it; one's own say one's own name). */
  ownerName: z.string(),
  mine: z.boolean()
});
export type PartnerSlot = z.infer<typeof partnerSlotSchema>;

export const partnerProposalSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  wish: partnerWishSchema,
  partner: z.object({ name: z.string(), level: partnerLevelSchema, timeZone: z.string() }),
  status: z.enum(['pending', 'booked', 'declined', 'lapsed']),
  acceptedByMe: z.boolean(),
  acceptedByPartner: z.boolean(),
  bookingId: z.string().nullable()
});
export type PartnerProposal = z.infer<typeof partnerProposalSchema>;

const personSchema = z.object({ id: z.string(), name: z.string() });

export const bookingHalfSchema = z.object({
  /** 0: the first half, 1: after the swap. */
  n: z.int().min(0).max(1),
  candidate: personSchema,
  interviewer: personSchema,
  questionTitle: z.string(),
  /** Its session, once the half has started (the candidate's mock; the interviewer joins it by its invite). */
  sessionId: z.string().nullable(),
  status: z.enum(['waiting', 'running', 'done']),
  myRole: z.enum(['candidate', 'interviewer']),
  /** Who said they are done with this half. */
  doneBy: z.array(z.string())
});
export type BookingHalf = z.infer<typeof bookingHalfSchema>;

export const BOOKING_PHASES = ['upcoming', 'waiting', 'half-1', 'half-2', 'finished', 'no-show'] as const;
export const partnerBookingSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  kind: partnerKindSchema,
  level: partnerLevelSchema,
  topic: z.string().nullable(),
  /** How it was booked: a proposal both accepted, or an open request taken. */
  source: z.enum(['match', 'taken']),
  partner: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  /** One's own time zone for this booking (the slot's, or the taker's browser's). */
  timeZone: z.string(),
  /** upcoming (before the start), waiting (started, not both here), a half running, finished, or a no-show. */
  phase: z.enum(BOOKING_PHASES),
  halves: z.array(bookingHalfSchema),
  joined: z.array(z.string()),
  /** Who never came (their ids), once the grace after the start has passed. */
  noShow: z.array(z.string()),
  /** Whether the reminder should show now (within REMINDER_LEAD_MIN before the start, until it ends). */
  remind: z.boolean()
});
export type PartnerBooking = z.infer<typeof partnerBookingSchema>;

export const partnerStandingSchema = z.object({
  /** No-shows in the last 30 days: each lowers one's place in matching. */
  recentNoShows: z.int(),
  /** Stood up by a partner since one's last booking: offered the next match first. */
  owed: z.boolean()
});

export const partnersOverviewSchema = z.object({
  slots: z.array(partnerSlotSchema),
  proposals: z.array(partnerProposalSchema),
  bookings: z.array(partnerBookingSchema),
  /** Others' open slots one may take, soonest first. */
  openRequests: z.array(partnerSlotSchema),
  standing: partnerStandingSchema,
  serverNow: z.string()
});
export type PartnersOverview = z.infer<typeof partnersOverviewSchema>;

export const publishedSlotSchema = z.object({ slot: partnerSlotSchema, proposal: partnerProposalSchema.nullable() });
export const takeSlotBodySchema = z.object({ timeZone: timeZoneSchema.optional() }).strict();
export const proposalAnswerSchema = z.object({
  proposal: partnerProposalSchema,
  booking: partnerBookingSchema.nullable()
});
export const bookingResponseSchema = z.object({ booking: partnerBookingSchema, serverNow: z.string() });
export const bookingDoneBodySchema = z.object({ half: z.int().min(0).max(1) }).strict();
export const partnerSlotResponseSchema = z.object({ slot: partnerSlotSchema });
