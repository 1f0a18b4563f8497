/** A decoded form field: Stripe's bracket notation nests strings into objects and arrays. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }

// While parsing, every container is a Map: keys never touch an object prototype (`__proto__[x]=1` stays data),
// and whether a container is an array is only known once all of its keys have been seen.
type Node = Map<string, Node | string>

/**
 * Parses an `application/x-www-form-urlencoded` body (or query string) the way Stripe's API does:
 * `a[b][c]=1` nests objects, `a[0][b]=1` and `a[]=1` build arrays (indices are compacted in order),
 * `+` is a space, and a later value for the same key replaces an earlier one.
 */
export function parseFormBody(text: string): Record<string, FormValue> {
  const root: Node = new Map()
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const separator = pair.indexOf('=')
    const rawKey = separator === -1 ? pair : pair.slice(0, separator)
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1)
    const segments = parseKey(decode(rawKey))
    if (segments.length > 0) assign(root, segments, decode(rawValue))
  }
  const value = materialise(root)
  // Top-level keys are parameter names even when they look like indices.
  return Array.isArray(value) ? Object.fromEntries(value.map((child, index) => [String(index), child])) : value
}

/** `line_items[0][price_data][currency]` → ['line_items', '0', 'price_data', 'currency']; `expand[]` → ['expand', '']. */
export function parseKey(key: string): string[] {
  const open = key.indexOf('[')
  if (open <= 0) return key === '' ? [] : [key]
  const segments = [key.slice(0, open)]
  const pattern = /\[([^\]]*)\]/g
  pattern.lastIndex = open
  let match: RegExpExecArray | null
  let end = open
  while ((match = pattern.exec(key)) !== null && match.index === end) {
    segments.push(match[1])
    end = pattern.lastIndex
  }
  // Anything after malformed brackets is kept as a literal tail of the last segment, like qs does.
  if (end < key.length) segments[segments.length - 1] += key.slice(end)
  return segments
}

function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced // a stray `%` is kept literally instead of failing the whole request
  }
}

function assign(node: Node, [head, ...rest]: string[], value: string): void {
  // `[]` appends: the next free position among the keys seen so far.
  const key = head === '' ? String(node.size) : head
  if (rest.length === 0) {
    node.set(key, value)
    return
  }
  let child = node.get(key)
  if (child === undefined || typeof child === 'string') {
    child = new Map()
    node.set(key, child)
  }
  assign(child, rest, value)
}

function materialise(node: Node): FormValue[] | { [key: string]: FormValue } {
  const keys = [...node.keys()]
  const entries = keys.map((key): [string, FormValue] => {
    const child = node.get(key)
    return [key, typeof child === 'string' || child === undefined ? (child ?? '') : materialise(child)]
  })
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child)
  }
  return Object.fromEntries(entries)
}
