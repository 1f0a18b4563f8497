import { config } from '../../lib/config.ts'
import { unsubscribeUrl, signUnsubscribeToken, type UnsubscribeScope } from './unsubscribeToken.ts'

/** The links every notification email carries, and its RFC 8058 one-click unsubscribe headers. */
export function emailLinks(scope: UnsubscribeScope) {
  const link = unsubscribeUrl(signUnsubscribeToken(scope))
  return {
    unsubscribeUrl: link,
    settingsUrl: `${config.PUBLIC_URL}/settings/notifications`,
    inboxUrl: `${config.PUBLIC_URL}/notifications`,
    headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}
