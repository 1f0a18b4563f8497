/** Seats left, or null when the event is unlimited (max_attendees = 0). */
export function spotsRemaining(maxAttendees: number, seatsTaken: number): number | null {
  return maxAttendees === 0 ? null : Math.max(0, maxAttendees - seatsTaken)
}

export function isFull(maxAttendees: number, seatsTaken: number): boolean {
  return maxAttendees > 0 && seatsTaken >= maxAttendees
}

/** Two time ranges overlap when each starts before the other ends (touching ends do not overlap). */
export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start < b.end && b.start < a.end
}
