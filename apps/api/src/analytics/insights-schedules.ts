/** The review schedules and the recap's recent sessions, kept as part of the insights aggregate. */
import { NeedsRebuild, rank, type InsightsAggregate } from './insights-aggregate.ts';
import type { Contribution } from './insights-contribution.ts';

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week before `now`'s: the recap needs sessions from its own week on. */
export function recapSince(now: Date): string {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - ((now.getUTCDay() + 6) % 7) * DAY_MS - 7 * DAY_MS).toISOString();
}

/** The oops review schedule: a scored session with its tags, in the order of `at` (the end, or the start). */
function oopsFacts(c: Contribution | null) {
  if (!c?.selfScored) return null;
  const at = c.submittedAt ?? c.startedAt;
  return { key: `${at} ${c.id}`, at, tags: [...new Set(c.oops)] };
}

export function schedules(agg: InsightsAggregate, old: Contribution | null, next: Contribution | null): void {
  const before = oopsFacts(old);
  const after = oopsFacts(next);
  const o = agg.oopsSchedule;
  const same = before?.key === after?.key && before?.tags.join('\n') === after?.tags.join('\n');
  if (!same) {
    if (after && !before && (o.last === null || after.key > o.last)) {
      for (const [tag, item] of Object.entries(o.tags)) if (!after.tags.includes(tag)) item.stage++;
      after.tags.forEach((tag, index) => {
        o.tags[tag] = {
          first: o.tags[tag]?.first ?? rank(after.key, index),
          last: after.key,
          lastAt: after.at,
          stage: 0
        };
      });
      o.last = after.key;
      o.lastAt = after.at;
    } else if (
      before &&
      after &&
      before.key === after.key &&
      o.last === after.key &&
      before.tags.every((t) => after.tags.includes(t))
    ) {
      // Tags added to the latest scored session: they were counted as reviewed by it, now they recur in it.
      after.tags.forEach((tag, index) => {
        o.tags[tag] = {
          first: o.tags[tag]?.first ?? rank(after.key, index),
          last: after.key,
          lastAt: after.at,
          stage: 0
        };
      });
    } else {
      throw new NeedsRebuild('the oops schedule changed out of order');
    }
  }
  const attempt = (c: Contribution | null) =>
    c?.coding && c.submittedAt
      ? { key: `${c.submittedAt} ${c.id}`, at: c.submittedAt, solved: c.coding.solved, title: c.coding.title }
      : null;
  const was = attempt(old);
  const now = attempt(next);
  if (JSON.stringify(was) === JSON.stringify(now)) return;
  const item = agg.problems[next?.questionId ?? ''];
  if (!now || was || (item && now.key < item.last)) throw new NeedsRebuild('a coding attempt changed out of order');
  const problem = (agg.problems[next!.questionId] ??= {
    first: null,
    title: now.title,
    lastUnsolved: null,
    lastSeenAt: now.at,
    stage: 0,
    last: now.key,
    lastAt: now.at
  });
  if (!now.solved)
    Object.assign(problem, {
      first: problem.first ?? now.key,
      title: now.title,
      lastUnsolved: now.key,
      lastSeenAt: now.at,
      stage: 0
    });
  else if (problem.lastUnsolved !== null) problem.stage++;
  problem.last = now.key;
  problem.lastAt = now.at;
}

export function recent(agg: InsightsAggregate, next: Contribution | null, now: Date): void {
  const since = recapSince(now);
  if (since > agg.recentSince) {
    agg.recentSince = since;
    for (const [id, entry] of Object.entries(agg.recent)) if (entry.startedAt < since) delete agg.recent[id];
  }
  if (next && next.startedAt >= agg.recentSince) {
    const { startedAt, kind, questionId, selfScore, oops, coding } = next;
    agg.recent[next.id] = { startedAt, kind, questionId, selfScore, oops, coding };
  }
}
