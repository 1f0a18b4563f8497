import type { FlattenedField } from 'payload'

/** The operators Postgres queries support (Payload's geo operators need point fields, which we do not have). */
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
]
const COMPARED = new Set(['equals', 'not_equals', 'in', 'not_in', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])

type Kind = 'number' | 'id' | 'date' | 'boolean'
const KIND_CHECKS: Record<Kind, { test: (value: string) => boolean; expected: string }> = {
  number: { test: (value) => /^-?\d+(\.\d+)?$/.test(value), expected: 'a number' },
  id: { test: (value) => /^\d{1,10}$/.test(value), expected: 'an id (a whole number)' },
  date: { test: (value) => !Number.isNaN(Date.parse(value)), expected: 'a date (ISO 8601)' },
  boolean: { test: (value) => value === 'true' || value === 'false', expected: 'true or false' },
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * What values a top-level field is compared with: a relationship by its target's id, one to several
 * collections by `field.value` (an id) and `field.relationTo`, never by itself; undefined: text or unknown.
 */
function kindOf(key: string, fields: FlattenedField[]): Kind | 'polymorphic' | undefined {
  if (key === 'id') return 'id'
  const [name, part] = key.split('.')
  const field = fields.find((candidate) => candidate.name === name)
  const related = field?.type === 'relationship' || field?.type === 'upload'
  if (related && Array.isArray(field.relationTo)) return part === 'value' ? 'id' : part === undefined ? 'polymorphic' : undefined
  if (part !== undefined) return undefined // a nested path: Payload checks it (QueryError)
  if (field?.type === 'number') return 'number'
  if (field?.type === 'date') return 'date'
  if (field?.type === 'checkbox') return 'boolean'
  if (related) return 'id'
  return undefined
}

function valueProblems(at: string, operator: string, value: unknown, kind: Kind | undefined): string[] {
  if (operator === 'exists') return ['true', 'false', true, false].includes(value as string) ? [] : [`${at}: exists takes true or false.`]
  if (!kind || !COMPARED.has(operator) || value === null || value === 'null') return []
  const values = Array.isArray(value) ? value : typeof value === 'string' && operator.endsWith('in') ? value.split(',') : [value]
  const { test, expected } = KIND_CHECKS[kind]
  // An empty value is "no filter" to Payload, whatever the field.
  const wrong = values.find(
    (item) =>
      typeof item !== 'number' && typeof item !== 'boolean' && !(typeof item === 'string' && (item.trim() === '' || test(item.trim()))),
  )
  return wrong === undefined ? [] : [`${at}: ${JSON.stringify(wrong)} is not ${expected}.`]
}

/**
 * What is wrong with a `where` (qs-parsed): every condition is field -> {operator: value} with an
 * operator Postgres supports and, for numbers, ids, dates and checkboxes, a value of that kind; `and` and
 * `or` hold lists of conditions. Payload checks the field paths itself (QueryError).
 */
export function whereProblems(where: Record<string, unknown>, fields: FlattenedField[], path = 'where'): string[] {
  return Object.entries(where).flatMap(([key, value]) => {
    const at = `${path}[${key}]`
    if (key === 'and' || key === 'or') {
      const conditions = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : undefined
      if (!conditions) return [`${at} must be a list of conditions, e.g. ${at}[0][field][equals]=value.`]
      return conditions.flatMap((condition, index) =>
        isObject(condition) ? whereProblems(condition, fields, `${at}[${index}]`) : [`${at}[${index}] must be a condition.`],
      )
    }
    if (!isObject(value) || Object.keys(value).length === 0) return [`${at} needs an operator, e.g. ${at}[equals]=value.`]
    const kind = kindOf(key, fields)
    const scalar = Object.values(value).some((operand) => !isObject(operand) && !Array.isArray(operand))
    if (kind === 'polymorphic' && scalar) {
      return [`${at}: this relationship links several collections; filter on ${key}.value and ${key}.relationTo.`]
    }
    return Object.entries(value).flatMap(([operator, operand]) =>
      OPERATORS.includes(operator)
        ? valueProblems(`${at}[${operator}]`, operator, operand, kind === 'polymorphic' ? undefined : kind)
        : [`${at}[${operator}]: "${operator}" is not an operator here (use one of ${OPERATORS.join(', ')}).`],
    )
  })
}
