/** What every use case of practice partners shares: the repositories, the engine it runs mocks on, the clock. */
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../../db/client.ts';
import { parseObjectId } from '../../db/ids.ts';
import type { Repositories } from '../../db/repositories.ts';
import type { PartnersRepo } from '../../db/partners-repo.ts';
import { ApiError, notFound } from '../../errors.ts';
import type { Catalog } from '../catalog.ts';
import type { ReviewService } from '../reviews.ts';
import type { SessionService } from '../sessions/index.ts';

export interface PartnerServiceOptions {
  repos: Repositories;
  partners: PartnersRepo;
  catalog: Catalog;
  sessions: SessionService;
  /** The invite of peer review admits each half's interviewer: the same access as any invited interviewer. */
  reviews: ReviewService;
  now: () => Date;
  /** Halves shorter than their kind allows (tests of the clock); never in production. */
  allowShortSessions?: boolean;
}

export type PartnerContext = Required<PartnerServiceOptions>;

export function idOf(id: string, what: string): ObjectId {
  const _id = parseObjectId(id);
  if (!_id) throw notFound(what);
  return _id;
}

export const slotTaken = (message = 'Someone took this slot first: pick another open request.') =>
  new ApiError(409, 'SLOT_TAKEN', message);

export const doubleBooked = () =>
  new ApiError(409, 'DOUBLE_BOOKED', 'You already have a booked pair at that time: pick another slot.');

/** The signed-in form of a user the service acts for (a half's candidate is not always who asked). */
export async function userById(ctx: PartnerContext, userId: ObjectId): Promise<SignedInUser> {
  const user = await ctx.repos.users.findById(userId);
  if (!user) throw notFound('That partner');
  return user;
}
