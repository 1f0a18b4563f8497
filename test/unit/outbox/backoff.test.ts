import { MAX_OUTBOX_ATTEMPTS, retryDelaySeconds } from '../../../src/domain/outbox/backoff.ts'

describe('outbox retry backoff', () => {
  it('doubles from 2 seconds and caps at an hour', () => {
    expect([1, 2, 3, 4, 10, 20].map(retryDelaySeconds)).toEqual([2, 4, 8, 16, 1024, 3600])
  })

  it('gives up after a bounded number of attempts', () => {
    expect(MAX_OUTBOX_ATTEMPTS).toBe(8)
  })
})
