/** The review schedules and the recap's recent sessions, kept as part of the insights aggregate. */
import { NeedsRebuild, rank, type InsightsAggregate } from './insights-aggregate-shape.ts';
import type { Contribution } from './insights-contribution.ts';
import { kindsOf } from './review-schedule.ts';

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
  return { key: `${at} ${c.id}`, at, kind: c.kind, tags: [...new Set(c.oops)] };
}

export function schedules(agg: InsightsAggregate, old: Contribution | null, next: Contribution | null): void {
  const before = oopsFacts(old);
  const after = oopsFacts(next);
  const o = agg.oopsSchedule;
  const same = before?.key === after?.key && before?.tags.join('\n') === after?.tags.join('\n');
  if (!same) {
    const seen = (index: number, tag: string, after: NonNullable<typeof before>) => {
      const item = o.tags[tag];
      o.tags[tag] = {
        first: item?.first ?? rank(after.key, index),
        last: after.key,
        lastAt: after.at,
        reviewedAt: after.at,
        stage: 0,
        seenIn: { ...item?.seenIn, [after.kind]: (item?.seenIn[after.kind] ?? 0) + 1 },
        lastKind: after.kind
      };
    };
    if (after && !before && (o.last === null || after.key > o.last)) {
      o.scoredByKind[after.kind] = (o.scoredByKind[after.kind] ?? 0) + 1;
      // Only a session that could have shown the mistake reviews it.
      for (const [tag, item] of Object.entries(o.tags)) {
        if (after.tags.includes(tag) || !kindsOf(tag, Object.keys(item.seenIn)).includes(after.kind)) continue;
        item.stage++;
        item.reviewedAt = after.at;
      }
      after.tags.forEach((tag, index) => seen(index, tag, after));
      o.last = after.key;
      o.lastAt = after.at;
    } else if (
      before &&
      after &&
      before.key === after.key &&
      before.kind === after.kind &&
      o.last === after.key &&
      before.tags.every((t) => after.tags.includes(t))
    ) {
      // Tags added to the latest scored session: they were counted as reviewed by it, now they recur in it.
      after.tags.forEach((tag, index) => {
        if (!before.tags.includes(tag)) seen(index, tag, after);
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
    lastAt: now.at,
    misses: 0,
    attempts: 0
  });
  problem.attempts++;
  if (!now.solved)
    Object.assign(problem, {
      first: problem.first ?? now.key,
      title: now.title,
      lastUnsolved: now.key,
      lastSeenAt: now.at,
      stage: 0,
      misses: problem.misses + 1
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
