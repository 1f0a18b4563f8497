import type { ApiClient, ApiResponse, RequestOptions } from './api.ts'

/** A browser-like client: keeps cookies between requests and can send an Origin. */
export function cookieJar(api: ApiClient, origin?: string) {
  const cookies = new Map<string, string>()
  const headers = (extra: Record<string, string> = {}) => ({
    ...(cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
    ...(origin ? { origin } : {}),
    ...extra,
  })
  const remember = (res: ApiResponse) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim())
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]
      const expired = attributes.some((attribute) => /^expires=/i.test(attribute) && new Date(attribute.slice(8)).getTime() < Date.now())
      if (expired || value === '') cookies.delete(name)
      else cookies.set(name, value)
    }
    return res
  }
  return {
    cookies,
    rawSetCookies: (res: ApiResponse) => res.headers.getSetCookie(),
    get: async (path: string, options: RequestOptions = {}) =>
      remember(await api.get(path, { ...options, headers: headers(options.headers) })),
    post: async (path: string, body?: unknown, options: RequestOptions = {}) =>
      remember(await api.post(path, body, { ...options, headers: headers(options.headers) })),
    patch: async (path: string, body?: unknown, options: RequestOptions = {}) =>
      remember(await api.patch(path, body, { ...options, headers: headers(options.headers) })),
  }
}
