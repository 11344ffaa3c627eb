import bisect


def median_sliding_window(nums, k):
    window = sorted(nums[:k])

    def median():
        return float(window[k // 2]) if k % 2 else (window[k // 2 - 1] + window[k // 2]) / 2

    out = [median()]
    for i in range(k, len(nums)):
        window.pop(bisect.bisect_left(window, nums[i - k]))
        bisect.insort(window, nums[i])
        out.append(median())
    return out
