import type { Access, Where } from 'payload'
import { combineWhereConstraints } from 'payload/shared'

/** Allows what any predicate allows: true short-circuits, Wheres are OR-ed together. */
export const or =
  (...predicates: Access[]): Access =>
  async (args) => {
    const filters: Where[] = []
    for (const predicate of predicates) {
      const result = await predicate(args)
      if (result === true) return true
      if (result) filters.push(result)
    }
    return filters.length > 0 ? combineWhereConstraints(filters, 'or') : false
  }
