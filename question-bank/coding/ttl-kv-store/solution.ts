class TtlStore {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();
  // Expiry times in order, so expired keys are dropped as time moves on (memory stays bounded).
  private readonly expiries: { key: string; expiresAt: number }[] = [];

  set(key: string, value: number, ttlMs: number, now: number): void {
    this.sweep(now);
    const expiresAt = now + ttlMs;
    this.entries.set(key, { value, expiresAt });
    let i = this.expiries.length;
    while (i > 0 && this.expiries[i - 1].expiresAt > expiresAt) i--;
    this.expiries.splice(i, 0, { key, expiresAt });
  }

  get(key: string, now: number): number {
    this.sweep(now);
    return this.entries.get(key)?.value ?? -1;
  }

  count(now: number): number {
    this.sweep(now);
    return this.entries.size;
  }

  private sweep(now: number): void {
    while (this.expiries.length > 0 && this.expiries[0].expiresAt <= now) {
      const { key, expiresAt } = this.expiries.shift()!;
      // Only if the key was not set again with a later expiry.
      if (this.entries.get(key)?.expiresAt === expiresAt) this.entries.delete(key);
    }
  }
}
