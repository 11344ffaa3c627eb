def subsets_with_dup(nums):
    nums = sorted(nums)
    result = []
    path = []

    def backtrack(start):
        result.append(path[:])
        for i in range(start, len(nums)):
            # At one depth, use only the first of equal values: later ones would repeat a subset.
            if i > start and nums[i] == nums[i - 1]:
                continue
            path.append(nums[i])
            backtrack(i + 1)
            path.pop()

    backtrack(0)
    return result
