/** Nobody writes through Payload's APIs; only domain code with overrideAccess does. Works as Access and FieldAccess. */
export const nobody = (): boolean => false
