def erase_overlap_intervals(intervals):
    end = float('-inf')
    kept = 0
    for start, finish in sorted(intervals, key=lambda x: x[1]):
        if start >= end:
            kept += 1
            end = finish
    return len(intervals) - kept
