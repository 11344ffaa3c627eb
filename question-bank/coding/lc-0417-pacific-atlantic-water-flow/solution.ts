function pacificAtlantic(heights: number[][]): number[][] {
  const rows = heights.length;
  const cols = heights[0].length;
  // Walk uphill from the ocean's edge: the cells water could flow down from to reach it.
  const reachable = (starts: [number, number][]): boolean[][] => {
    const seen = heights.map((row) => row.map(() => false));
    for (const [r, c] of starts) seen[r][c] = true;
    const stack = [...starts];
    while (stack.length) {
      const [r, c] = stack.pop()!;
      for (const [a, b] of [
        [r + 1, c],
        [r - 1, c],
        [r, c + 1],
        [r, c - 1]
      ]) {
        if (a >= 0 && a < rows && b >= 0 && b < cols && !seen[a][b] && heights[a][b] >= heights[r][c]) {
          seen[a][b] = true;
          stack.push([a, b]);
        }
      }
    }
    return seen;
  };
  const edge = (fixedRow: number, fixedCol: number): [number, number][] => [
    ...Array.from({ length: cols }, (_, c): [number, number] => [fixedRow, c]),
    ...Array.from({ length: rows }, (_, r): [number, number] => [r, fixedCol])
  ];
  const pacific = reachable(edge(0, 0));
  const atlantic = reachable(edge(rows - 1, cols - 1));
  const result: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (pacific[r][c] && atlantic[r][c]) result.push([r, c]);
  }
  return result;
}
