import type { CollectionConfig } from 'payload'
import { companyProfile } from '../../hooks/startups/companyProfile.ts'

const profile = companyProfile('startups', 'startup', 'startup_logo')

/**
 * Spec 002's startup profiles. Anyone reads them; a signed-in user who creates one becomes its owner
 * (and holds the startup role); only owners and staff change or delete it (a hook, so every interface
 * answers the same 403). company_name is unique case-insensitively (a validator for the message, a
 * unique index on lower(company_name) for races).
 */
export const Startups: CollectionConfig = {
  slug: 'startups',
  admin: {
    group: 'Marketplace',
    useAsTitle: 'company_name',
    defaultColumns: ['company_name', 'industry', 'stage', 'location', 'updatedAt'],
  },
  access: profile.access,
  hooks: profile.hooks,
  fields: [
    ...profile.fields,
    { name: 'industry', type: 'text', maxLength: 100, index: true },
    { name: 'stage', type: 'text', maxLength: 100, index: true },
    { name: 'location', type: 'text', maxLength: 255 },
  ],
}
