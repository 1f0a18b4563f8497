import { createPriceFromParams, findPrice } from '../catalog.ts'
import { noSuch } from '../errors.ts'
import { route, type Route } from '../router.ts'

export const priceRoutes: Route[] = [
  route('POST', '/v1/prices', ({ params, store }) => createPriceFromParams(store, params)),

  route('GET', '/v1/prices/:id', ({ path, store }) => findPrice(store, path[0], 'id')),

  route('GET', '/v1/products/:id', ({ path, store }) => {
    const product = store.products.get(path[0])
    if (!product) throw noSuch('product', path[0])
    return product
  }),
]
