import { invalidRequest, missingParam } from './errors.ts'

/** A parsed request: the form body merged with the query string. */
export type Params = Record<string, unknown>

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A string parameter; Stripe treats an empty string as "not given" (it is how clients send null). */
export function optionalString(params: Params, key: string, name = key): string | undefined {
  const value = params[key]
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${name} must be a string.`, name)
  return value
}

export function requiredString(params: Params, key: string, name = key): string {
  const value = optionalString(params, key, name)
  if (value === undefined) throw missingParam(name)
  return value
}

export function optionalInteger(params: Params, key: string, name = key): number | undefined {
  const value = optionalString(params, key, name)
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, name)
  return Number(value)
}

export function requiredInteger(params: Params, key: string, name = key): number {
  const value = optionalInteger(params, key, name)
  if (value === undefined) throw missingParam(name)
  return value
}

/** The SDK sends booleans as the strings 'true' and 'false'. */
export function optionalBoolean(params: Params, key: string, name = key): boolean | undefined {
  const value = optionalString(params, key, name)
  if (value === undefined) return undefined
  if (value !== 'true' && value !== 'false') throw invalidRequest(`Invalid boolean: ${value}`, name)
  return value === 'true'
}

export function oneOf<T extends string>(params: Params, key: string, allowed: readonly T[], name = key): T | undefined {
  const value = optionalString(params, key, name)
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw invalidRequest(`Invalid ${name}: must be one of ${allowed.join(', ')}`, name)
  return value as T
}

export function optionalRecord(params: Params, key: string, name = key): Params | undefined {
  const value = params[key]
  if (value === undefined || value === '') return undefined
  if (!isRecord(value)) throw invalidRequest(`Invalid object: ${name} must be a hash.`, name)
  return value
}

export function optionalArray(params: Params, key: string, name = key): unknown[] | undefined {
  const value = params[key]
  if (value === undefined || value === '') return undefined
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${name} must be an array.`, name)
  return value
}

export function stringArray(params: Params, key: string, name = key): string[] | undefined {
  const values = optionalArray(params, key, name)
  return values?.map((value, index) => {
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${name}[${index}] must be a string.`, `${name}[${index}]`)
    return value
  })
}

/** `metadata[key]=value` pairs; values must be strings, like Stripe's. */
export function optionalMetadata(params: Params, key = 'metadata', name = key): Record<string, string> | undefined {
  const record = optionalRecord(params, key, name)
  if (record === undefined) return params[key] === '' ? {} : undefined
  const entries = Object.entries(record).map(([field, value]): [string, string] => {
    if (typeof value !== 'string') throw invalidRequest(`Invalid metadata: ${name}[${field}] must be a string.`, `${name}[${field}]`)
    return [field, value]
  })
  return Object.fromEntries(entries)
}

/** Stripe's update semantics: keys merge, an empty value deletes its key, `metadata=` clears everything. */
export function mergeMetadata(current: Record<string, string>, params: Params): Record<string, string> {
  if (params.metadata === '') return {}
  const update = optionalMetadata(params)
  if (update === undefined) return current
  const merged = { ...current, ...update }
  for (const [field, value] of Object.entries(update)) if (value === '') delete merged[field]
  return merged
}
