from collections import Counter


def min_window(s, t):
    need = Counter(t)
    missing = len(t)  # characters of t not yet covered by the window
    best_start, best_len = 0, float("inf")
    start = 0
    for end, ch in enumerate(s):
        if need[ch] > 0:
            missing -= 1
        need[ch] -= 1
        if missing == 0:
            # Drop characters from the left while the window still covers t.
            while need[s[start]] < 0:
                need[s[start]] += 1
                start += 1
            if end - start + 1 < best_len:
                best_start, best_len = start, end - start + 1
            need[s[start]] += 1
            missing += 1
            start += 1
    return "" if best_len == float("inf") else s[best_start:best_start + best_len]
