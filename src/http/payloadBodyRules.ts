import type { FlattenedField, SanitizedCollectionConfig } from 'payload'
import type { FieldErrors } from '../lib/errors.ts'

type Check = (value: unknown) => boolean
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isId: Check = (value) =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d{1,10}$/.test(value))
const isDocument: Check = (value) => isId(value) || (isObject(value) && isId(value.id))
const isLinked: Check = (value) => isObject(value) && typeof value.relationTo === 'string' && isDocument(value.value)

/** What a value of each kind of field must be, in JSON, and the message when it is not. */
function rule(field: FlattenedField): { check: Check; message: string } | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return { check: (value) => typeof value === 'string', message: 'Enter text.' }
    case 'number':
      return {
        check: (value) => typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)),
        message: 'Enter a number.',
      }
    case 'checkbox':
      return { check: (value) => typeof value === 'boolean', message: 'Enter true or false.' }
    case 'date':
      return { check: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)), message: 'Enter a date (ISO 8601).' }
    case 'select':
    case 'radio': {
      const options = field.options.map((option) => (typeof option === 'string' ? option : option.value))
      return { check: (value) => typeof value === 'string' && options.includes(value), message: `Choose one of: ${options.join(', ')}.` }
    }
    case 'relationship':
    case 'upload':
      return Array.isArray(field.relationTo)
        ? { check: isLinked, message: `Enter {relationTo, value} with relationTo one of: ${field.relationTo.join(', ')}.` }
        : { check: isDocument, message: `Enter the id of a ${field.relationTo} document.` }
    case 'richText':
    case 'group':
      return { check: isObject, message: 'Enter an object.' }
    case 'array':
    case 'blocks':
      return { check: Array.isArray, message: 'Enter a list.' }
    default:
      return undefined // json, point, join: Payload's own validation
  }
}

/**
 * What is wrong with a create/update body for a collection, by field: names that are not its fields, and
 * values of the wrong kind. Payload would store `{"name": {"a": 1}}` as the text '{"a":1}' and a string as
 * rich text, or drop them silently; here they are a 400 like any other invalid value.
 */
export function bodyProblems(body: Record<string, unknown>, collection: SanitizedCollectionConfig): FieldErrors {
  const problems: FieldErrors = {}
  for (const [name, value] of Object.entries(body)) {
    const field = collection.flattenedFields.find((candidate) => candidate.name === name)
    if (!field) {
      if (name !== 'id') problems[name] = [`The ${collection.slug} collection has no field "${name}".`]
      continue
    }
    const expected = rule(field)
    if (!expected || value === null || value === undefined) continue
    const many = 'hasMany' in field && Boolean(field.hasMany)
    const values = many ? (Array.isArray(value) ? value : [undefined]) : [value]
    if (!values.every(expected.check)) problems[name] = [many ? `Enter a list. ${expected.message}` : expected.message]
  }
  return problems
}
