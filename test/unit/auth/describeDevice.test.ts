import { describeDevice } from '../../../src/domain/auth/describeDevice.ts'

describe('describeDevice', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      'Edge on Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox on Linux'],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['curl/8.4.0', 'curl'],
    [null, 'Unknown device'],
    ['something else', 'Unknown device'],
  ])('labels %p as %p', (userAgent, label) => expect(describeDevice(userAgent)).toBe(label))
})
