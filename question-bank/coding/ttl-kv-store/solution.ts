class TtlStore {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();
  // Expiry times in order, so expired keys are dropped as time moves on (memory stays bounded).
  private readonly expiries: { key: string; expiresAt: number }[] = [];
  // Expiries before this index are gone; the array is compacted now and then (a shift per expiry is O(n)).
  private head = 0;

  set(key: string, value: number, ttlMs: number, now: number): void {
    this.sweep(now);
    const expiresAt = now + ttlMs;
    this.entries.set(key, { value, expiresAt });
    let i = this.expiries.length;
    while (i > this.head && this.expiries[i - 1].expiresAt > expiresAt) i--;
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
    while (this.head < this.expiries.length && this.expiries[this.head].expiresAt <= now) {
      const { key, expiresAt } = this.expiries[this.head++];
      // Only if the key was not set again with a later expiry.
      if (this.entries.get(key)?.expiresAt === expiresAt) this.entries.delete(key);
    }
    if (this.head > 1024 && this.head * 2 > this.expiries.length) {
      this.expiries.splice(0, this.head);
      this.head = 0;
    }
  }
}
