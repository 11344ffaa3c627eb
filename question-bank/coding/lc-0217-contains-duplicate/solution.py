def contains_duplicate(nums):
    return len(set(nums)) != len(nums)
