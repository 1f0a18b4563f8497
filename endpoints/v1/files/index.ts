import { deleteFile } from '../../../src/domain/files/deleteFile.ts'
import { getFile } from '../../../src/domain/files/getFile.ts'
import { listFiles } from '../../../src/domain/files/listFiles.ts'
import { openFileDownload } from '../../../src/domain/files/openFileDownload.ts'
import { uploadFile } from '../../../src/domain/files/uploadFile.ts'
import { sendStoredContent } from '../../../src/http/sendStoredContent.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { DownloadQuery, FileIdParams, FileOut, ListFilesQuery, UploadFileForm } from './schemas.ts'
import { serializeFile } from './serialize.ts'

/** spec 003's files: any document, with a description and tags, downloaded under its original name. */
export const filesRoutes = v1Router('/files')

filesRoutes.post(
  '/upload',
  {
    summary: 'Uploads a file (multipart `file`, optional `description` and comma-separated `tags`)',
    auth: 'user',
    upload: { field: 'file' },
    body: UploadFileForm,
    responses: { 201: FileOut, 413: 'Too large, or over the storage quota' },
  },
  async ({ req, user, upload, body }) => ({ status: 201, body: serializeFile(await uploadFile(req, Number(user.id), upload, body)) }),
)

filesRoutes.get(
  '/',
  { summary: "The caller's files, newest first", auth: 'user', query: ListFilesQuery, responses: { 200: FileOut.array() } },
  async ({ req, user, query }) => ({
    body: (await listFiles(req, Number(user.id), { offset: query.skip, limit: query.limit })).map(serializeFile),
  }),
)

filesRoutes.get(
  '/:file_id',
  { summary: 'One file record', auth: 'user', params: FileIdParams, responses: { 200: FileOut, 404: 'Not visible to the caller' } },
  async ({ req, params }) => ({ body: serializeFile(await getFile(req, params.file_id)) }),
)

filesRoutes.get(
  '/:file_id/download',
  {
    summary: 'Downloads a file under its original name (Content-Disposition, RFC 6266 / 5987)',
    description: 'The owner, staff, someone it is shared with, or anyone holding a share link (`share_token`). Range requests work too.',
    auth: 'optional',
    params: FileIdParams,
    query: DownloadQuery,
    responses: { 200: 'The file', 206: 'Partial content', 404: 'Not visible to the caller', 410: 'Share link revoked or expired' },
  },
  async ({ req, params, query, http }) => {
    await sendStoredContent(http.req, http.res, await openFileDownload(req, params.file_id, { shareToken: query.share_token }), {
      attachment: true,
    })
    return { sent: true }
  },
)

filesRoutes.delete(
  '/:file_id',
  { summary: 'Deletes a file', auth: 'user', params: FileIdParams, responses: { 204: 'Deleted', 404: "Not one of the caller's files" } },
  async ({ req, params }) => {
    await deleteFile(req, params.file_id)
    return { status: 204 }
  },
)
