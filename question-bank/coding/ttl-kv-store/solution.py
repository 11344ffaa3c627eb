import heapq


class TtlStore:
    def __init__(self):
        self.entries = {}
        self.expiries = []  # (expires_at, key): expired keys are dropped as time moves on

    def set(self, key, value, ttlMs, now):
        self._sweep(now)
        expires_at = now + ttlMs
        self.entries[key] = (value, expires_at)
        heapq.heappush(self.expiries, (expires_at, key))

    def get(self, key, now):
        self._sweep(now)
        entry = self.entries.get(key)
        return entry[0] if entry else -1

    def count(self, now):
        self._sweep(now)
        return len(self.entries)

    def _sweep(self, now):
        while self.expiries and self.expiries[0][0] <= now:
            expires_at, key = heapq.heappop(self.expiries)
            entry = self.entries.get(key)
            if entry and entry[1] == expires_at:
                del self.entries[key]
