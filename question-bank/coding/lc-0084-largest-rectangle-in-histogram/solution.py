def largest_rectangle_area(heights):
    stack = []  # indices of bars with increasing heights
    best = 0
    for i in range(len(heights) + 1):
        h = heights[i] if i < len(heights) else 0  # a 0 at the end flushes the stack
        while stack and heights[stack[-1]] >= h:
            height = heights[stack.pop()]
            left = stack[-1] + 1 if stack else 0
            best = max(best, height * (i - left))
        stack.append(i)
    return best
