import { createHmac } from 'node:crypto'
import { crmSignature } from '../../../../src/integrations/crm/postBookingNotification.ts'

describe('the external CRM signature', () => {
  it('is sha256=<hex HMAC-SHA256 of the exact raw body>', () => {
    const raw = '{"booking_id":1,"notes":"café"}'
    expect(crmSignature(raw, 'secret-token')).toBe(`sha256=${createHmac('sha256', 'secret-token').update(raw).digest('hex')}`)
    expect(crmSignature(`${raw} `, 'secret-token')).not.toBe(crmSignature(raw, 'secret-token'))
  })
})
