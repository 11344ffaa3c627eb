import { redirect } from '@sveltejs/kit';
import type { Component } from 'svelte';
import type { Session } from '@mockloop/contracts';
import { api, load as loadApi } from '$lib/api.ts';
import { requireUser } from '$lib/require-user.ts';
import type { PageLoad } from './$types';

type MockData = { session: Session; receivedAt: number };

/** Each kind of mock's page, loaded for its kind only: a whiteboard never ships the coding mock's code. */
const mocks: Record<Session['kind'], () => Promise<{ default: Component<{ data: MockData }> }>> = {
  coding: () => import('$lib/coding/CodingMock.svelte'),
  behavioral: () => import('$lib/behavioral/BehavioralMock.svelte'),
  design: () => import('$lib/session/DesignMock.svelte')
};

export const load: PageLoad = async ({ parent, params, url }) => {
  await parent();
  requireUser(url);
  const { session } = await loadApi(api.sessions[':id'].$get({ param: params }));
  const receivedAt = Date.now();
  if (session.role === 'reviewer') redirect(307, `/review/${params.id}`);
  if (session.status !== 'active') redirect(307, `/sessions/${params.id}/result`);
  const { default: Mock } = await mocks[session.kind]();
  return { session, receivedAt, Mock };
};
