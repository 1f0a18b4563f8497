import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { enqueueMany } from '../outbox/enqueueMany.ts'
import { emailLinks } from './emailLinks.ts'
import { notificationLink, renderNotificationEmail } from './emailTemplates.ts'
import type { StoredNotification } from './notificationRecords.ts'

/**
 * The immediate emails of new notifications (rows notify() marked emailed). Sent as transactional mail,
 * since they are timely, yet each carries List-Unsubscribe: the recipient can turn that type's email off.
 */
export async function emailNotifications(req: PayloadRequest, stored: StoredNotification[]): Promise<void> {
  const messages = stored
    .filter((row): row is StoredNotification & { email_to: string } => Boolean(row.email_to))
    .map((row) => {
      const links = emailLinks({ userId: row.recipient_id, typeIds: [row.type_id] })
      const redirectUrl = typeof row.redirect?.url === 'string' ? row.redirect.url : null
      const email = renderNotificationEmail(
        {
          title: row.title,
          message: row.message ?? '',
          typeName: row.type_name,
          url: notificationLink(row.action_url, redirectUrl, config.PUBLIC_URL),
          createdAt: new Date(row.created_at),
        },
        links,
      )
      return { to: row.email_to, ...email, headers: links.headers }
    })
  await enqueueMany(req, 'email.send', messages)
}
