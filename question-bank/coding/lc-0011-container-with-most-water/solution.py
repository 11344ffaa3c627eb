def max_area(height):
    left, right = 0, len(height) - 1
    best = 0
    while left < right:
        best = max(best, min(height[left], height[right]) * (right - left))
        # The shorter line cannot do better with any closer partner: drop it.
        if height[left] < height[right]:
            left += 1
        else:
            right -= 1
    return best
