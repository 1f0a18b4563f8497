import type { CookieOptions, Response } from 'express'
import { config } from '../lib/config.ts'
import { CSRF_COOKIE } from './csrf.ts'

export const ACCESS_COOKIE = 'access_token'
export const REFRESH_COOKIE = 'refresh_token'

// HttpOnly so scripts never see the tokens; Lax so cross-site POSTs do not carry them; the refresh token
// only travels to the API's auth routes.
const base = (): CookieOptions => ({ httpOnly: true, secure: config.isProduction, sameSite: 'lax' })
const accessOptions = (): CookieOptions => ({ ...base(), path: '/' })
const refreshOptions = (): CookieOptions => ({ ...base(), path: '/api' })

export function setAuthCookies(
  res: Response,
  tokens: { access: string; accessExpiresAt: number; refresh: string; refreshExpiresAt: Date },
): void {
  res.cookie(ACCESS_COOKIE, tokens.access, { ...accessOptions(), expires: new Date(tokens.accessExpiresAt * 1000) })
  res.cookie(REFRESH_COOKIE, tokens.refresh, { ...refreshOptions(), expires: tokens.refreshExpiresAt })
}

export function clearAuthCookies(res: Response): void {
  res.clearCookie(ACCESS_COOKIE, accessOptions())
  res.clearCookie(REFRESH_COOKIE, refreshOptions())
}

/** Readable by the page's scripts on purpose: they echo it in X-CSRFToken. */
export function setCsrfCookie(res: Response, token: string): void {
  res.cookie(CSRF_COOKIE, token, { httpOnly: false, secure: config.isProduction, sameSite: 'lax', path: '/', maxAge: 365 * 86400 * 1000 })
}
