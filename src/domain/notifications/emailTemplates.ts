import type { DigestKind } from './statuses.ts'

/** What an email says about one notification. `url` is absolute (or null). */
export type EmailItem = { title: string; message: string; typeName: string; url: string | null; createdAt: Date }
export type RenderedEmail = { subject: string; text: string; html: string }

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ESCAPES[char])

/** An absolute http(s) link for a notification: its action_url, else its redirect url on PUBLIC_URL. Never javascript: or data:. */
export function notificationLink(
  actionUrl: string | null | undefined,
  redirectUrl: string | null | undefined,
  publicUrl: string,
): string | null {
  for (const candidate of [actionUrl, redirectUrl]) {
    if (!candidate) continue
    try {
      const url = new URL(candidate, `${publicUrl}/`)
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString()
    } catch {
      // not a URL: try the next candidate
    }
  }
  return null
}

const footerText = (unsubscribeUrl: string, settingsUrl: string) =>
  `\n--\nYou get this email because of your notification settings: ${settingsUrl}\nStop these emails: ${unsubscribeUrl}\n`
const footerHtml = (unsubscribeUrl: string, settingsUrl: string) =>
  `<hr><p style="font-size:12px;color:#666">You get this email because of your <a href="${escapeHtml(settingsUrl)}">notification settings</a>. ` +
  `<a href="${escapeHtml(unsubscribeUrl)}">Stop these emails</a>.</p>`

const itemText = (item: EmailItem) => `* ${item.title}${item.message ? `\n  ${item.message}` : ''}${item.url ? `\n  ${item.url}` : ''}`
const itemHtml = (item: EmailItem) =>
  `<li><strong>${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>` : escapeHtml(item.title)}</strong>` +
  `${item.message ? `<br>${escapeHtml(item.message)}` : ''}</li>`

type Links = { unsubscribeUrl: string; settingsUrl: string }

/** The email of one notification sent at once (frequency `immediate`). */
export function renderNotificationEmail(item: EmailItem, links: Links): RenderedEmail {
  return {
    subject: item.title,
    text: `${item.title}\n\n${item.message ? `${item.message}\n` : ''}${item.url ? `\nOpen: ${item.url}\n` : ''}${footerText(links.unsubscribeUrl, links.settingsUrl)}`,
    html:
      `<p><strong>${escapeHtml(item.title)}</strong></p>${item.message ? `<p>${escapeHtml(item.message)}</p>` : ''}` +
      `${item.url ? `<p><a href="${escapeHtml(item.url)}">Open</a></p>` : ''}${footerHtml(links.unsubscribeUrl, links.settingsUrl)}`,
  }
}

/** Items of one type together, types in order of first appearance (items arrive newest first). */
export function groupByType(items: EmailItem[]): { typeName: string; items: EmailItem[] }[] {
  const groups = new Map<string, EmailItem[]>()
  for (const item of items) groups.set(item.typeName, [...(groups.get(item.typeName) ?? []), item])
  return [...groups].map(([typeName, grouped]) => ({ typeName, items: grouped }))
}

const KIND_TITLE: Record<DigestKind, string> = { daily_digest: 'Your daily digest', weekly_summary: 'Your weekly summary' }

/** A digest: `items` are the notifications shown (newest first), `total` how many the digest covers. */
export function renderDigestEmail(kind: DigestKind, items: EmailItem[], total: number, links: Links & { inboxUrl: string }): RenderedEmail {
  const groups = groupByType(items)
  const more = total - items.length
  const noun = total === 1 ? 'notification' : 'notifications'
  const subject = `${KIND_TITLE[kind]}: ${total} new ${noun}`
  const text =
    `${subject}\n` +
    groups.map((group) => `\n${group.typeName} (${group.items.length})\n${group.items.map(itemText).join('\n')}\n`).join('') +
    (more > 0 ? `\n...and ${more} more: ${links.inboxUrl}\n` : `\nAll notifications: ${links.inboxUrl}\n`) +
    footerText(links.unsubscribeUrl, links.settingsUrl)
  const html =
    `<h2>${escapeHtml(subject)}</h2>` +
    groups.map((group) => `<h3>${escapeHtml(group.typeName)}</h3><ul>${group.items.map(itemHtml).join('')}</ul>`).join('') +
    `<p><a href="${escapeHtml(links.inboxUrl)}">${more > 0 ? `...and ${more} more` : 'All notifications'}</a></p>` +
    footerHtml(links.unsubscribeUrl, links.settingsUrl)
  return { subject, text, html }
}
