function orangesRotting(grid: number[][]): number {
  const rows = grid.length;
  const cols = grid[0].length;
  const state = grid.map((row) => [...row]);
  let queue: [number, number][] = [];
  let fresh = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (state[r][c] === 2) queue.push([r, c]);
      else if (state[r][c] === 1) fresh++;
    }
  }
  let minutes = 0;
  while (queue.length && fresh) {
    minutes++;
    const next: [number, number][] = [];
    for (const [r, c] of queue) {
      for (const [a, b] of [
        [r + 1, c],
        [r - 1, c],
        [r, c + 1],
        [r, c - 1]
      ]) {
        if (a >= 0 && a < rows && b >= 0 && b < cols && state[a][b] === 1) {
          state[a][b] = 2;
          fresh--;
          next.push([a, b]);
        }
      }
    }
    queue = next;
  }
  return fresh ? -1 : minutes;
}
