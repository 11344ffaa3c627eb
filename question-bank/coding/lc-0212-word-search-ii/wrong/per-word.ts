function findWords(board: string[][], words: string[]): string[] {
  const rows = board.length;
  const cols = board[0].length;
  const spell = (r: number, c: number, word: string, i: number): boolean => {
    if (i === word.length) return true;
    if (r < 0 || r >= rows || c < 0 || c >= cols || board[r][c] !== word[i]) return false;
    const ch = board[r][c];
    board[r][c] = '#';
    const ok =
      spell(r + 1, c, word, i + 1) ||
      spell(r - 1, c, word, i + 1) ||
      spell(r, c + 1, word, i + 1) ||
      spell(r, c - 1, word, i + 1);
    board[r][c] = ch;
    return ok;
  };
  return words.filter((word) => {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (spell(r, c, word, 0)) return true;
    return false;
  });
}
