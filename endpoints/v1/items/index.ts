import { createItem } from '../../../src/domain/items/createItem.ts'
import { deleteItem } from '../../../src/domain/items/deleteItem.ts'
import { getItem } from '../../../src/domain/items/getItem.ts'
import { listItems } from '../../../src/domain/items/listItems.ts'
import { updateItem } from '../../../src/domain/items/updateItem.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { CreateItemBody, ItemIdParams, ItemOut, ListItemsQuery, UpdateItemBody } from './schemas.ts'
import { serializeItem } from './serialize.ts'

/** spec 003's content items: the caller's own (staff: anyone's by id), and items shared with them. */
export const itemsRoutes = v1Router('/items')

itemsRoutes.get(
  '/',
  { summary: "The caller's items, most recently changed first", auth: 'user', query: ListItemsQuery, responses: { 200: ItemOut.array() } },
  async ({ req, user, query }) => {
    const items = await listItems(req, Number(user.id), {
      itemType: query.item_type,
      status: query.status,
      offset: query.skip,
      limit: query.limit,
    })
    return { body: items.map(serializeItem) }
  },
)

itemsRoutes.post(
  '/',
  { summary: 'Creates an item', auth: 'user', body: CreateItemBody, responses: { 201: ItemOut } },
  async ({ req, user, body }) => ({ status: 201, body: serializeItem(await createItem(req, Number(user.id), body)) }),
)

itemsRoutes.get(
  '/:item_id',
  {
    summary: 'One item: own, or shared with the caller',
    auth: 'user',
    params: ItemIdParams,
    responses: { 200: ItemOut, 404: 'Not visible to the caller' },
  },
  async ({ req, params }) => ({ body: serializeItem(await getItem(req, params.item_id)) }),
)

itemsRoutes.put(
  '/:item_id',
  {
    summary: 'Updates an item (owner, staff, or an edit share)',
    auth: 'user',
    params: ItemIdParams,
    body: UpdateItemBody,
    responses: { 200: ItemOut, 403: 'Shared with the caller to view only', 404: 'Not visible to the caller' },
  },
  async ({ req, params, body }) => ({ body: serializeItem(await updateItem(req, params.item_id, body)) }),
)

itemsRoutes.delete(
  '/:item_id',
  { summary: 'Deletes an item', auth: 'user', params: ItemIdParams, responses: { 204: 'Deleted', 404: 'Not visible to the caller' } },
  async ({ req, params }) => {
    await deleteItem(req, params.item_id)
    return { status: 204 }
  },
)
