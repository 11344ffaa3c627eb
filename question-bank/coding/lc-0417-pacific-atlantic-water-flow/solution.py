def pacific_atlantic(heights):
    rows, cols = len(heights), len(heights[0])

    def reachable(starts):
        # Walk uphill from the ocean's edge: the cells water could flow down from to reach it.
        seen = set(starts)
        stack = list(starts)
        while stack:
            r, c = stack.pop()
            for a, b in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= a < rows and 0 <= b < cols and (a, b) not in seen and heights[a][b] >= heights[r][c]:
                    seen.add((a, b))
                    stack.append((a, b))
        return seen

    pacific = reachable([(0, c) for c in range(cols)] + [(r, 0) for r in range(rows)])
    atlantic = reachable([(rows - 1, c) for c in range(cols)] + [(r, cols - 1) for r in range(rows)])
    return [[r, c] for r, c in sorted(pacific & atlantic)]
