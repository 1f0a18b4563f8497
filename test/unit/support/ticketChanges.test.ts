import { newReplies, stampReplies } from '../../../src/domain/support/ticketChanges.ts'
import type { SupportTicket } from '../../../src/payload-types.ts'

const now = new Date('2030-01-01T10:00:00Z')
const ticket = (overrides: Partial<SupportTicket> = {}): SupportTicket => ({
  id: 1,
  user: 5,
  subject: 'Help',
  message: 'It broke',
  status: 'open',
  replies: [],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  ...overrides,
})

describe('ticket changes', () => {
  it('stamps new replies with the author and time, and keeps old ones', () => {
    const old = { id: 'a', message: 'first', author: 2, created_at: '2029-12-31T00:00:00.000Z' }
    const stamped = stampReplies({ replies: [old, { message: 'second' }] }, ticket({ replies: [old] }), 9, now)
    expect(stamped.replies).toEqual([old, { message: 'second', author: 9, created_at: now.toISOString() }])
  })

  it('records when a ticket is resolved, and clears it when reopened', () => {
    expect(stampReplies({ status: 'resolved' }, ticket(), 9, now).resolved_at).toBe(now.toISOString())
    expect(stampReplies({ status: 'resolved' }, ticket({ status: 'resolved' }), 9, now).resolved_at).toBeUndefined()
    expect(stampReplies({ status: 'open' }, ticket({ status: 'resolved' }), 9, now).resolved_at).toBeNull()
  })

  it('finds the replies a change added', () => {
    const before = ticket({ replies: [{ id: 'a', message: 'x' }] })
    const after = ticket({
      replies: [
        { id: 'a', message: 'x' },
        { id: 'b', message: 'y' },
      ],
    })
    expect(newReplies(after, before).map((reply) => reply.id)).toEqual(['b'])
    expect(newReplies(before, before)).toEqual([])
  })
})
