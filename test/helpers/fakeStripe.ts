import Stripe from 'stripe'
import type { FakeStripe } from '../../src/dev/fakeStripe/server.ts'

export { startFakeStripe } from '../../src/dev/fakeStripe/server.ts'
export type * from '../../src/dev/fakeStripe/server.ts'

/** The official SDK talking to `fake`: no retries (a failing call fails at once) and no telemetry headers. */
export function sdkFor(fake: FakeStripe): Stripe {
  return new Stripe('sk_test_fake', { host: fake.host, port: fake.port, protocol: fake.protocol, maxNetworkRetries: 0, telemetry: false })
}
