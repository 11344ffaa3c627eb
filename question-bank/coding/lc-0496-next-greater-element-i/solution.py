def next_greater_element(nums1, nums2):
    greater = {}
    stack = []  # values still waiting for a greater one, decreasing
    for x in nums2:
        while stack and stack[-1] < x:
            greater[stack.pop()] = x
        stack.append(x)
    return [greater.get(x, -1) for x in nums1]
