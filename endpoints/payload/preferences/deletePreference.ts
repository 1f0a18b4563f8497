import type { Endpoint } from 'payload'
import { deleteAdminPreference } from '../../../src/domain/users/deleteAdminPreference.ts'
import { UnauthorizedError } from '../../../src/lib/errors.ts'

/** Replaces Payload's DELETE /api/payload-preferences/:key (a 500 for any key), answering like it. */
export const deletePreferenceEndpoint: Endpoint = {
  path: '/:key',
  method: 'delete',
  handler: async (req) => {
    if (!req.user) throw new UnauthorizedError('You are not allowed to perform this action.')
    const deleted = await deleteAdminPreference(req, req.user, String(req.routeParams?.key ?? ''))
    return Response.json({ ...deleted, message: req.t('general:deletedSuccessfully') })
  },
}
