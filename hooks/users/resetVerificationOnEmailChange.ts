import type { FieldHook } from 'payload'

/** A new email address is unverified until its owner confirms it (field hook on is_verified). */
export const resetVerificationOnEmailChange: FieldHook = ({ value, data, originalDoc, operation }) => {
  if (operation !== 'update' || !data?.email || !originalDoc || data.email === originalDoc.email) return value
  return false
}
