import type { FlattenedField, SanitizedCollectionConfig } from 'payload'
import { bodyProblems } from '../../../src/http/payloadBodyRules.ts'
import { whereProblems } from '../../../src/http/payloadWhere.ts'
import { toAppError } from '../../../src/http/toAppError.ts'

// cast: only the properties the rules read, instead of a whole sanitized Payload config.
const fields = [
  { name: 'name', type: 'text' },
  { name: 'max_attendees', type: 'number' },
  { name: 'start_datetime', type: 'date' },
  { name: 'is_published', type: 'checkbox' },
  { name: 'status', type: 'select', options: ['active', 'cancelled'] },
  { name: 'event_type', type: 'relationship', relationTo: 'event-types' },
  { name: 'document', type: 'relationship', relationTo: ['events', 'users'] },
  { name: 'description', type: 'richText' },
  { name: 'tags', type: 'select', hasMany: true, options: ['a', 'b'] },
] as unknown as FlattenedField[]
const collection = { slug: 'events', flattenedFields: fields } as unknown as SanitizedCollectionConfig

describe('whereProblems', () => {
  it('accepts conditions of the right shape and kind', () => {
    expect(
      whereProblems(
        {
          name: { like: 'yoga' },
          max_attendees: { greater_than: '10' },
          start_datetime: { less_than: '2030-01-01T00:00:00Z' },
          event_type: { in: '1,2' },
          'document.value': { equals: '3' },
          or: [{ is_published: { equals: 'true' } }, { id: { not_in: ['4', '5'] } }],
        },
        fields,
      ),
    ).toEqual([])
  })

  it.each([
    [{ max_attendees: { greater_than: 'abc' } }, 'where[max_attendees][greater_than]: "abc" is not a number.'],
    [{ id: { in: 'a,b' } }, 'where[id][in]: "a" is not an id (a whole number).'],
    [{ start_datetime: { equals: 'soon' } }, 'where[start_datetime][equals]: "soon" is not a date (ISO 8601).'],
    [{ is_published: { equals: 'maybe' } }, 'where[is_published][equals]: "maybe" is not true or false.'],
    [{ name: { near: '1,2' } }, expect.stringMatching(/^where\[name\]\[near\]: "near" is not an operator here/)],
    [{ name: '1' }, 'where[name] needs an operator, e.g. where[name][equals]=value.'],
    [{ or: 'abc' }, 'where[or] must be a list of conditions, e.g. where[or][0][field][equals]=value.'],
    [{ document: { equals: '1' } }, expect.stringMatching(/^where\[document\]: this relationship links several collections/)],
    [{ id: { exists: 'maybe' } }, 'where[id][exists]: exists takes true or false.'],
  ])('refuses %j', (where, problem) => {
    expect(whereProblems(where, fields)).toEqual([problem])
  })
})

describe('bodyProblems', () => {
  it('accepts values of the right kind, nulls and ids in any form', () => {
    const body = { name: 'Yoga', max_attendees: 10, is_published: false, status: 'active', event_type: { id: 1 }, tags: ['a'] }
    expect(bodyProblems({ ...body, document: { relationTo: 'users', value: 2 }, description: { root: {} }, id: 1 }, collection)).toEqual({})
    expect(bodyProblems({ name: null, start_datetime: '2030-01-01T00:00:00Z', event_type: '3' }, collection)).toEqual({})
  })

  it('refuses unknown fields and values Payload would store mangled or drop', () => {
    expect(
      bodyProblems(
        { nope: 1, name: { a: 1 }, max_attendees: 'abc', status: 'zzz', event_type: 'abc', description: 'plain', tags: 'a' },
        collection,
      ),
    ).toEqual({
      nope: ['The events collection has no field "nope".'],
      name: ['Enter text.'],
      max_attendees: ['Enter a number.'],
      status: ['Choose one of: active, cancelled.'],
      event_type: ['Enter the id of a event-types document.'],
      description: ['Enter an object.'],
      tags: ['Enter a list. Choose one of: a, b.'],
    })
  })
})

describe('toAppError and Postgres data exceptions', () => {
  it.each([
    ['22P02', 'A value in the request has the wrong format (a number or an id, for example).'],
    ['22003', 'A number in the request is out of range.'],
    ['22007', 'A date in the request is not valid.'],
    ['2201X', 'A value in the request is not valid.'],
  ])('maps %s (as drizzle wraps it, in cause) to a 400', (code, detail) => {
    const error = toAppError(Object.assign(new Error('Failed query: select ...'), { cause: { code } }))
    expect(error.status).toBe(400)
    expect(error.detail).toBe(detail)
  })
})
