/** Usernames are stored lowercase: 3-50 characters, letters, digits, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{1,48}[a-z0-9])$/

export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase()
}

/** Phone numbers are stored in E.164 (`+14155550123`); spaces, dashes, dots and brackets are dropped. */
export function normalizePhone(value: string): string {
  const compact = value.trim().replace(/[\s().-]/g, '')
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact
}

export const E164_PATTERN = /^\+[1-9]\d{6,14}$/

export function isValidTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

const PROFILE_HOSTS: Record<string, string> = { linkedin_url: 'linkedin.com', github_url: 'github.com' }

/** An http(s) URL; for linkedin_url and github_url, one on that site. Returns an error message or null. */
export function urlProblem(value: string, field?: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter a valid URL.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Enter an http(s) URL.'
  const host = field ? PROFILE_HOSTS[field] : undefined
  if (host && url.hostname !== host && !url.hostname.endsWith(`.${host}`)) return `Enter a ${host} URL.`
  return null
}
