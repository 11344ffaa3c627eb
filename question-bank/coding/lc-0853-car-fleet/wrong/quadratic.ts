function carFleet(target: number, position: number[], speed: number[]): number {
  const arrival = position.map((p, i) => (target - p) / speed[i]);
  let fleets = 0;
  for (let i = 0; i < position.length; i++) {
    // A car leads a fleet when no car ahead of it arrives later.
    let blocked = false;
    for (let j = 0; j < position.length; j++) if (position[j] > position[i] && arrival[j] >= arrival[i]) blocked = true;
    if (!blocked) fleets++;
  }
  return fleets;
}
