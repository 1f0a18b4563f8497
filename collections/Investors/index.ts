import type { CollectionConfig } from 'payload'
import { companyProfile } from '../../hooks/startups/companyProfile.ts'
import { ticketSizeMax } from '../../hooks/startups/companyValidators.ts'

const profile = companyProfile('investors', 'investor', 'logo')

/** Spec 002's investors: the same ownership rules as startups; owners hold the investor role. */
export const Investors: CollectionConfig = {
  slug: 'investors',
  admin: {
    group: 'Marketplace',
    useAsTitle: 'company_name',
    defaultColumns: ['company_name', 'investment_focus', 'contact_email', 'updatedAt'],
  },
  access: profile.access,
  hooks: profile.hooks,
  fields: [
    ...profile.fields,
    { name: 'contact_email', type: 'email' },
    { name: 'investment_focus', type: 'text', maxLength: 255 },
    { name: 'ticket_size_min', type: 'number', min: 0 },
    { name: 'ticket_size_max', type: 'number', min: 0, validate: ticketSizeMax },
  ],
}
