import { parseFormBody, parseKey } from '../../../../src/dev/fakeStripe/formBody.ts'

describe('parseKey', () => {
  it.each([
    ['mode', ['mode']],
    ['metadata[registration_id]', ['metadata', 'registration_id']],
    ['line_items[0][price_data][unit_amount]', ['line_items', '0', 'price_data', 'unit_amount']],
    ['expand[]', ['expand', '']],
    ['a[b]c', ['a', 'bc']],
    ['', []],
  ])('splits %p into %p', (key, segments) => {
    expect(parseKey(key)).toEqual(segments)
  })
})

describe('parseFormBody', () => {
  it('reads plain fields, decoding percent escapes and + as space', () => {
    expect(parseFormBody('mode=payment&success_url=http%3A%2F%2Fx%2Fok%3Fs%3D%7BCHECKOUT_SESSION_ID%7D&name=Ada+Lovelace')).toEqual({
      mode: 'payment',
      success_url: 'http://x/ok?s={CHECKOUT_SESSION_ID}',
      name: 'Ada Lovelace',
    })
  })

  it('nests bracket notation into objects', () => {
    expect(parseFormBody('metadata[registration_id]=5&metadata[event]=42&payment_method_options[wechat_pay][client]=web')).toEqual({
      metadata: { registration_id: '5', event: '42' },
      payment_method_options: { wechat_pay: { client: 'web' } },
    })
  })

  it('builds arrays of objects from indexed keys, ordered by index', () => {
    const body = [
      'line_items[1][price]=price_b',
      'line_items[1][quantity]=1',
      'line_items[0][price_data][currency]=usd',
      'line_items[0][price_data][unit_amount]=2500',
      'line_items[0][price_data][product_data][name]=Ticket',
      'line_items[0][quantity]=2',
    ].join('&')
    expect(parseFormBody(body)).toEqual({
      line_items: [
        { price_data: { currency: 'usd', unit_amount: '2500', product_data: { name: 'Ticket' } }, quantity: '2' },
        { price: 'price_b', quantity: '1' },
      ],
    })
  })

  it('appends for empty brackets and accepts the encoded brackets the SDK may send', () => {
    expect(parseFormBody('expand[]=latest_invoice.payment_intent&expand[]=customer')).toEqual({
      expand: ['latest_invoice.payment_intent', 'customer'],
    })
    expect(parseFormBody('payment_method_types%5B0%5D=card&payment_method_types%5B1%5D=alipay')).toEqual({
      payment_method_types: ['card', 'alipay'],
    })
  })

  it('compacts sparse indices', () => {
    expect(parseFormBody('items[5][price]=p5&items[2][price]=p2')).toEqual({ items: [{ price: 'p2' }, { price: 'p5' }] })
  })

  it('keeps empty values (how clients unset a field) and keys without a value', () => {
    expect(parseFormBody('metadata=&description&=orphan&&')).toEqual({ metadata: '', description: '' })
  })

  it('lets a later value for the same key win, and a nested key replace a scalar', () => {
    expect(parseFormBody('a=1&a=2&b=x&b[c]=y')).toEqual({ a: '2', b: { c: 'y' } })
  })

  it('keeps malformed percent escapes literally', () => {
    expect(parseFormBody('note=100%25+sure&bad=%E0%A4%A')).toEqual({ note: '100% sure', bad: '%E0%A4%A' })
  })

  it('treats __proto__ as data and never touches Object.prototype', () => {
    const parsed = parseFormBody('__proto__[polluted]=yes&metadata[__proto__]=x')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.keys(parsed)).toEqual(['__proto__', 'metadata'])
  })

  it('parses what the stripe SDK produces for booleans, numbers and nulls', () => {
    expect(parseFormBody('confirm=true&amount=1000&description=&automatic_payment_methods[enabled]=false')).toEqual({
      confirm: 'true',
      amount: '1000',
      description: '',
      automatic_payment_methods: { enabled: 'false' },
    })
  })
})
