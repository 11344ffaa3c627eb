function carFleet(target: number, position: number[], speed: number[]): number {
  const order = position.map((_, i) => i).sort((a, b) => position[b] - position[a]); // closest to the target first
  let fleets = 0;
  let ahead = 0; // arrival time of the fleet in front
  for (const i of order) {
    const arrival = (target - position[i]) / speed[i];
    if (arrival > ahead) {
      // cannot catch the fleet in front: a new fleet
      fleets++;
      ahead = arrival;
    }
  }
  return fleets;
}
