function solveSudoku(board: string[][]): void {
  const rows = new Array<number>(9).fill(0);
  const cols = new Array<number>(9).fill(0);
  const boxes = new Array<number>(9).fill(0);
  const box = (r: number, c: number) => Math.floor(r / 3) * 3 + Math.floor(c / 3);
  const empty: [number, number][] = [];
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      if (board[r][c] === '.') {
        empty.push([r, c]);
        continue;
      }
      const bit = 1 << Number(board[r][c]);
      rows[r] |= bit;
      cols[c] |= bit;
      boxes[box(r, c)] |= bit;
    }
  }
  const candidates = (r: number, c: number) => ~(rows[r] | cols[c] | boxes[box(r, c)]) & 0x3fe;
  const bitCount = (mask: number) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };

  const solve = (): boolean => {
    if (empty.length === 0) return true;
    // Fill the empty cell with the fewest candidates first.
    let best = 0;
    for (let i = 1; i < empty.length; i++) {
      if (bitCount(candidates(...empty[i])) < bitCount(candidates(...empty[best]))) best = i;
    }
    [empty[best], empty[empty.length - 1]] = [empty[empty.length - 1], empty[best]];
    const [r, c] = empty.pop()!;
    const mask = candidates(r, c);
    for (let d = 1; d <= 9; d++) {
      const bit = 1 << d;
      if (!(mask & bit)) continue;
      rows[r] |= bit;
      cols[c] |= bit;
      boxes[box(r, c)] |= bit;
      board[r][c] = String(d);
      if (solve()) return true;
      rows[r] ^= bit;
      cols[c] ^= bit;
      boxes[box(r, c)] ^= bit;
    }
    board[r][c] = '.';
    empty.push([r, c]);
    return false;
  };
  solve();
}
