import { concurrencyKey } from '../../../src/domain/outbox/topics.ts'

describe('concurrencyKey', () => {
  it('gives every email its own key', () => {
    expect(concurrencyKey('email.send', { to: 'a@example.com' }, 7)).toBe('email:7')
    expect(concurrencyKey('email.send', { to: 'a@example.com' }, 8)).toBe('email:8')
  })

  it("gives a room's chat deliveries one key, and other rooms others", () => {
    const delivery = (room_id: number, seq: number) => ({ room_id, seq, event: {} })
    expect(concurrencyKey('chat.deliver', delivery(3, 1), 1)).toBe(concurrencyKey('chat.deliver', delivery(3, 2), 2))
    expect(concurrencyKey('chat.deliver', delivery(3, 1), 1)).not.toBe(concurrencyKey('chat.deliver', delivery(4, 1), 3))
  })

  it('keeps every other topic in claim order (no key)', () => {
    expect(concurrencyKey('crm.booking', { registration_id: 1 }, 1)).toBeNull()
    expect(concurrencyKey('realtime.emit', {}, 2)).toBeNull()
  })
})
