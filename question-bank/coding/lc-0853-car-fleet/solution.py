def car_fleet(target, position, speed):
    cars = sorted(zip(position, speed), reverse=True)  # closest to the target first
    fleets = 0
    ahead = 0.0  # arrival time of the fleet in front
    for pos, spd in cars:
        arrival = (target - pos) / spd
        if arrival > ahead:  # cannot catch the fleet in front: a new fleet
            fleets += 1
            ahead = arrival
    return fleets
