def roman_to_int(s):
    value = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
    total = 0
    for i, ch in enumerate(s):
        current = value[ch]
        nxt = value[s[i + 1]] if i + 1 < len(s) else 0
        total += -current if current < nxt else current
    return total
