/** Seats left, or null when the event is unlimited (max_attendees = 0). */
export function spotsRemaining(maxAttendees: number, seatsTaken: number): number | null {
  return maxAttendees === 0 ? null : Math.max(0, maxAttendees - seatsTaken)
}

export function isFull(maxAttendees: number, seatsTaken: number): boolean {
  return maxAttendees > 0 && seatsTaken >= maxAttendees
}
