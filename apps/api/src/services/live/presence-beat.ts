/**
 * This instance's streams kept present in their rooms: every `everyMs`, one write refreshes them all (their presence
 * documents' `seenAt`) instead of one write per stream. Two hundred streams opened together used to refresh in a
 * burst of two hundred updates every 15 s, and every save of the instance waited behind the burst (the embedded
 * server writes one transaction at a time).
 *
 * @example
 * const beat = createPresenceBeat((ids, at) => room.heartbeatMany(ids, at), now);
 * beat.add(key); // once the stream's presence is written
 * beat.remove(key); // as it leaves
 */
export interface PresenceBeatOptions {
  everyMs?: number;
}

export function createPresenceBeat(
  refresh: (ids: string[], at: Date) => Promise<void>,
  now: () => Date,
  { everyMs = 15_000 }: PresenceBeatOptions = {}
) {
  const keys = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  function beat(): void {
    if (keys.size === 0) {
      if (timer) clearInterval(timer);
      timer = null;
      return;
    }
    // A refresh that fails leaves the streams' last one standing (stale only after three missed in a row).
    refresh([...keys], now()).catch(() => {});
  }

  return {
    add(key: string): void {
      keys.add(key);
      if (!timer) {
        timer = setInterval(beat, everyMs);
        timer.unref();
      }
    },

    remove(key: string): void {
      keys.delete(key);
    },

    /** Streams kept present by this instance (for tests). */
    get size(): number {
      return keys.size;
    }
  };
}
