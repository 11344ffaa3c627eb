function findMaximizedCapital(k: number, w: number, profits: number[], capital: number[]): number {
  const done = new Array<boolean>(profits.length).fill(false);
  for (let round = 0; round < k; round++) {
    let best = -1;
    for (let i = 0; i < profits.length; i++) {
      if (!done[i] && capital[i] <= w && (best < 0 || profits[i] > profits[best])) best = i;
    }
    if (best < 0) break;
    done[best] = true;
    w += profits[best];
  }
  return w;
}
