def k_means(points, centroids, iterations):
    current = [list(c) for c in centroids]

    def distance(a, b):
        return sum((x - y) ** 2 for x, y in zip(a, b))

    for _ in range(iterations):
        sums = [[0.0] * len(c) for c in current]
        counts = [0] * len(current)
        for p in points:
            best = 0
            for j in range(1, len(current)):
                if distance(p, current[j]) < distance(p, current[best]):
                    best = j
            counts[best] += 1
            for d, x in enumerate(p):
                sums[best][d] += x
        current = [c if counts[j] == 0 else [s / counts[j] for s in sums[j]] for j, c in enumerate(current)]
    return current
