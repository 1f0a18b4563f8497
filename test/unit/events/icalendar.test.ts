import { eventCalendar } from '../../../src/domain/events/icalendar.ts'

describe('eventCalendar', () => {
  const event = {
    id: 7,
    name: 'Launch party, with cake; and music',
    description: 'Line one\nLine two',
    start: new Date('2026-03-15T09:00:00Z'),
    end: new Date('2026-03-15T18:00:00Z'),
    timezone: 'Europe/Paris',
    location: 'Tech Hub, Paris',
    url: 'https://platform.test/events/7',
    cancelled: false,
  }

  it('writes an RFC 5545 calendar with escaped text and UTC times', () => {
    const ics = eventCalendar(event, 'platform.test')
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics).toContain('UID:event-7@platform.test')
    expect(ics).toContain('DTSTART:20260315T090000Z')
    expect(ics).toContain('DTEND:20260315T180000Z')
    expect(ics).toContain('SUMMARY:Launch party\\, with cake\\; and music')
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two')
    expect(ics).toContain('STATUS:CONFIRMED')
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true)
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
  })

  it('marks cancelled events', () => {
    expect(eventCalendar({ ...event, cancelled: true }, 'platform.test')).toContain('STATUS:CANCELLED')
  })
})
