import type { Rubric } from '@mockloop/rubrics';
import { LEVELLED_CRITERIA } from '@mockloop/rubrics/committee';
import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

// The committee packet: open to the candidate and every round's interviewer once every round is in (409 before),
// with the rubrics its rounds and level bars name (from the catalogue: the page bundles no rubric data).
export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { packet } = await loadApi(api.loops[':id'].packet.$get({ param: params }));
  const ids = [...new Set([...packet.rounds.map((r) => r.rubricId), ...Object.keys(LEVELLED_CRITERIA)])];
  const rubrics = await Promise.all(
    ids.map((id) => loadApi(api.rubrics[':id'].$get({ param: { id } })).then((r) => r.rubric as Rubric))
  );
  return { packet, rubrics: Object.fromEntries(rubrics.map((r) => [r.id, r])) as Record<string, Rubric> };
};
