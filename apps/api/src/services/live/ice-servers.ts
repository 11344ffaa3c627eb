/** The STUN/TURN servers browsers use for a call, from MOCKLOOP_ICE_SERVERS (JSON); none by default (loopback). */
import { iceServerSchema, type IceServer } from '@mockloop/contracts';
import { z } from 'zod';

/**
 * Parses the variable's JSON (an array of RTCIceServer); a value that is not one fails start-up loudly rather
 * than leaving calls to fail past one machine.
 *
 * @example
 * iceServersFrom('[{"urls":"stun:stun.example.org:3478"}]'); // [{ urls: 'stun:stun.example.org:3478' }]
 */
export function iceServersFrom(value: string | undefined): IceServer[] {
  if (!value?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('MOCKLOOP_ICE_SERVERS is not JSON: give an array such as [{"urls":"stun:host:3478"}]');
  }
  const result = z.array(iceServerSchema).safeParse(parsed);
  if (!result.success) {
    throw new Error(`MOCKLOOP_ICE_SERVERS is not a list of ICE servers: ${result.error.issues[0]?.message ?? ''}`);
  }
  return result.data;
}
