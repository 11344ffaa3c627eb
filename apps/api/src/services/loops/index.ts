/**
 * Interview loops and their hiring committee: several rounds, each an ordinary session of its own kind with its
 * own interviewer, blind feedback until every round is in, the candidate's prediction, the packet and the votes.
 * One use case a module; this factory binds them to one context. Who may do what is the session policy's
 * (`permitLoop`, `maySeeFeedback`); what changed is told as domain events.
 *
 * @example
 * const loops = createLoopService({ repos, catalog, sessions, reviews, now: () => new Date() });
 * const doc = await loops.start(user, { templateId: 'senior' });
 */
import type { LoopDoc, SignedInUser } from '../../db/client.ts';
import {
  loadLoop,
  roundStates,
  accessOf,
  type LoopContext,
  type LoopServiceOptions,
  type LoopState
} from './context.ts';
import { saveFeedback } from './feedback.ts';
import { committeeInputs, committeeOn, nameCommittee, predictionAgainst, readPacket, vote } from './packet.ts';
import { savePrediction } from './prediction.ts';
import { changeMode, inviteInterviewer, startRound } from './rounds.ts';
import { editRound, listTemplates, startLoop } from './start-loop.ts';
import { toLoop } from './to-loop.ts';

export type { LoopServiceOptions } from './context.ts';

type Rest<F> = F extends (ctx: LoopContext, ...args: infer A) => infer R ? (...args: A) => R : never;

function bind<F extends (ctx: LoopContext, ...args: never[]) => unknown>(ctx: LoopContext, use: F): Rest<F> {
  return ((...args: never[]) => use(ctx, ...args)) as Rest<F>;
}

/**
 * The candidate's loops, newest first, each with how many rounds are in and, once decided, the committee's outcome
 * and how the candidate's prediction did: their self-calibration across loops.
 */
async function listLoops(ctx: LoopContext, user: SignedInUser) {
  const docs = await ctx.repos.loops.listForUser(user._id);
  return Promise.all(
    docs.map(async (doc) => {
      const rounds = await roundStates(ctx, doc);
      const roundsIn = rounds.filter((r) => r.status === 'in').length;
      const packetOpen = rounds.length > 0 && roundsIn === rounds.length;
      const inputs = committeeInputs({ rounds });
      const outcome = packetOpen ? committeeOn(doc.level, inputs) : null;
      const compared =
        outcome && doc.prediction ? predictionAgainst(doc.prediction, inputs, outcome.decision, outcome.level) : null;
      return {
        id: doc._id.toHexString(),
        name: doc.name,
        level: doc.level,
        createdAt: doc.createdAt.toISOString(),
        rounds: rounds.length,
        roundsIn,
        packetOpen,
        outcome: outcome ? { decision: outcome.decision, level: outcome.level } : null,
        calibration: compared
          ? {
              roundsHit: compared.rounds.filter((r) => r.hit).length,
              rounds: compared.rounds.length,
              decisionHit: compared.decision.hit,
              levelHit: compared.level.hit
            }
          : null
      };
    })
  );
}

/** The loop just created, as its candidate sees it. */
async function created(ctx: LoopContext, user: SignedInUser, doc: LoopDoc): Promise<LoopState> {
  const rounds = await roundStates(ctx, doc);
  return { doc, rounds, packetOpen: false, ...accessOf(user, doc, rounds) };
}

export function createLoopService(options: LoopServiceOptions) {
  const ctx: LoopContext = { allowShortSessions: false, emit: async () => {}, ...options };
  return {
    templates: bind(ctx, listTemplates),
    async start(...args: Parameters<Rest<typeof startLoop>>) {
      const user = args[0];
      return toLoop(ctx, user, await created(ctx, user, await startLoop(ctx, ...args)));
    },
    list: bind(ctx, listLoops),
    async get(user: SignedInUser, id: string) {
      return toLoop(ctx, user, await loadLoop(ctx, user, id, 'read-loop'));
    },
    async editRound(...args: Parameters<Rest<typeof editRound>>) {
      return toLoop(ctx, args[0], await editRound(ctx, ...args));
    },
    async startRound(...args: Parameters<Rest<typeof startRound>>) {
      return toLoop(ctx, args[0], await startRound(ctx, ...args));
    },
    async changeMode(...args: Parameters<Rest<typeof changeMode>>) {
      return toLoop(ctx, args[0], await changeMode(ctx, ...args));
    },
    invite: bind(ctx, inviteInterviewer),
    async saveFeedback(...args: Parameters<Rest<typeof saveFeedback>>) {
      return toLoop(ctx, args[0], await saveFeedback(ctx, ...args));
    },
    async predict(...args: Parameters<Rest<typeof savePrediction>>) {
      return toLoop(ctx, args[0], await savePrediction(ctx, ...args));
    },
    async nameCommittee(...args: Parameters<Rest<typeof nameCommittee>>) {
      return toLoop(ctx, args[0], await nameCommittee(ctx, ...args));
    },
    packet: bind(ctx, readPacket),
    vote: bind(ctx, vote)
  };
}

export type LoopService = ReturnType<typeof createLoopService>;
