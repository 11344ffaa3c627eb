def character_replacement(s, k):
    counts = {}
    start = 0
    top = 0  # the highest count of one letter seen in any window so far
    for end, ch in enumerate(s):
        counts[ch] = counts.get(ch, 0) + 1
        top = max(top, counts[ch])
        # Too many letters to replace: slide the window (it never shrinks below the best length).
        if end - start + 1 - top > k:
            counts[s[start]] -= 1
            start += 1
    return len(s) - start
