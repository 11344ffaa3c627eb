class TtlStore {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();
  set(key: string, value: number, ttlMs: number, now: number): void {
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }
  get(key: string, now: number): number {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > now ? entry.value : -1;
  }
  count(now: number): number {
    let live = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) live++;
      else this.entries.delete(key);
    }
    return live;
  }
}
