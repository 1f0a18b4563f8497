/**
 * Parsed JSON as tests read it: any property path and the array methods are allowed, and every value is
 * checked by expect(). Convert leaves explicitly (`String(body.token)`, `Number(body.id)`).
 */
export type Json = { readonly [key: string]: Json } & ReadonlyArray<Json>

export type ApiResponse = { status: number; headers: Headers; body: Json; text: string }
export type RequestOptions = { token?: string; headers?: Record<string, string>; rawBody?: string }

/** A small HTTP client for the running test server: real requests, JSON in and out. */
export function apiClient(baseUrl: string) {
  const request = async (method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let payload: string | undefined = options.rawBody
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body)
      headers['content-type'] ??= 'application/json'
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, body: payload, redirect: 'manual' })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: parseJson(text), text }
  }
  return {
    get: (path: string, options?: RequestOptions) => request('GET', path, undefined, options),
    delete: (path: string, options?: RequestOptions) => request('DELETE', path, undefined, options),
    post: (path: string, body?: unknown, options?: RequestOptions) => request('POST', path, body, options),
    put: (path: string, body?: unknown, options?: RequestOptions) => request('PUT', path, body, options),
    patch: (path: string, body?: unknown, options?: RequestOptions) => request('PATCH', path, body, options),
    request,
  }
}

export type ApiClient = ReturnType<typeof apiClient>

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json
  } catch {
    return {} as Json // not JSON: tests read `text` instead
  }
}
