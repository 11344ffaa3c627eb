function numIslands(grid: string[][]): number {
  const rows = grid.length;
  const cols = grid[0].length;
  const seen = grid.map((row) => row.map(() => false));
  let islands = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== '1' || seen[r][c]) continue;
      islands++;
      seen[r][c] = true;
      const stack: [number, number][] = [[r, c]];
      while (stack.length) {
        const [i, j] = stack.pop()!;
        for (const [a, b] of [
          [i + 1, j],
          [i - 1, j],
          [i, j + 1],
          [i, j - 1]
        ]) {
          if (a >= 0 && a < rows && b >= 0 && b < cols && grid[a][b] === '1' && !seen[a][b]) {
            seen[a][b] = true;
            stack.push([a, b]);
          }
        }
      }
    }
  }
  return islands;
}
