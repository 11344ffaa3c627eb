def can_attend_meetings(intervals):
    ordered = sorted(intervals)
    return all(ordered[i][0] >= ordered[i - 1][1] for i in range(1, len(ordered)))
