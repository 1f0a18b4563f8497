// Domain areas (src/domain/<area>/) form a one-way graph: if area A imports area B, no file of B may import
// A. A file-level cycle check (import-x/no-cycle) misses this, because the files involved differ.
import fs from 'node:fs'
import path from 'node:path'

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g

/** The domain area a path lies in, or null. */
function areaOf(domainRoot, file) {
  const relative = path.relative(domainRoot, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null
  const [area, rest] = relative.split(path.sep)
  return rest ? area : null
}

const areaImportsCache = new Map()

/** Areas that the files of `area` import (read from disk once per lint run). */
function areasImportedBy(domainRoot, area) {
  if (areaImportsCache.has(area)) return areaImportsCache.get(area)
  const found = new Set()
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.tsx?$/.test(entry.name)) {
        for (const match of fs.readFileSync(full, 'utf8').matchAll(IMPORT)) {
          const target = areaOf(domainRoot, path.resolve(path.dirname(full), match[1]))
          if (target && target !== area) found.add(target)
        }
      }
    }
  }
  walk(path.join(domainRoot, area))
  areaImportsCache.set(area, found)
  return found
}

export const noMutualAreaImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Domain areas must not import each other both ways.' },
    schema: [{ type: 'object', properties: { domainRoot: { type: 'string' } }, additionalProperties: false }],
    messages: { mutual: 'Area "{{from}}" imports "{{to}}", and "{{to}}" imports "{{from}}": areas depend on each other one way only.' },
  },
  create(context) {
    const domainRoot = path.resolve(context.cwd, context.options[0]?.domainRoot ?? 'src/domain')
    const from = areaOf(domainRoot, context.filename)
    if (!from) return {}
    const check = (node) => {
      const spec = node.source?.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const to = areaOf(domainRoot, path.resolve(path.dirname(context.filename), spec))
      if (!to || to === from) return
      if (areasImportedBy(domainRoot, to).has(from)) context.report({ node: node.source, messageId: 'mutual', data: { from, to } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  },
}

export const localPlugin = { rules: { 'no-mutual-area-imports': noMutualAreaImports } }
