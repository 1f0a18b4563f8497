export { startFakeStripe } from '../../src/dev/fakeStripe/server.ts'
export type * from '../../src/dev/fakeStripe/server.ts'
