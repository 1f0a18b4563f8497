import type { Endpoint } from 'payload'
import { deletePreferenceEndpoint } from './preferences/deletePreference.ts'

/**
 * Our endpoints in front of those of Payload's internal collections (which no collection config of ours
 * declares), matched before Payload's own. The users collection declares its own (./users/).
 */
export const internalCollectionEndpoints: Record<string, Endpoint[]> = {
  'payload-preferences': [deletePreferenceEndpoint],
}
