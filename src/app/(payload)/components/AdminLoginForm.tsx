'use client'
import { Form, FormSubmit, Link, PasswordField, TextField, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation.js'
import { formatAdminURL, getSafeRedirect } from 'payload/shared'

/**
 * Payload's admin login form, which Payload renders only while its local (PBKDF2) strategy is on. Same
 * fields and ids (`field-username`, `field-password`), posting to POST /api/users/login, which is ours
 * (endpoints/payload/users/login.ts: argon2id, hash upgrades, rate limits).
 */
export function AdminLoginForm() {
  const { config } = useConfig()
  const { t } = useTranslation()
  const { setUser } = useAuth()
  const searchParams = useSearchParams()
  const { admin: adminRoute, api: apiRoute } = config.routes
  return (
    <Form
      action={formatAdminURL({ apiRoute, path: `/${config.admin.user}/login` })}
      className="login__form"
      disableSuccessStatus
      initialState={{ username: { initialValue: '', valid: true, value: '' }, password: { initialValue: '', valid: true, value: '' } }}
      method="POST"
      onSuccess={(data) => setUser(data as Parameters<typeof setUser>[0])}
      redirect={getSafeRedirect({ fallbackTo: adminRoute, redirectTo: searchParams.get('redirect') ?? '' })}
      waitForAutocomplete
    >
      <div className="login__form__inputWrap">
        <TextField field={{ name: 'username', label: t('authentication:emailOrUsername'), required: true }} path="username" />
        <PasswordField field={{ name: 'password', label: t('general:password'), required: true }} path="password" />
      </div>
      <Link href={formatAdminURL({ adminRoute, path: config.admin.routes.forgot })} prefetch={false}>
        {t('authentication:forgotPasswordQuestion')}
      </Link>
      <FormSubmit size="large">{t('authentication:login')}</FormSubmit>
    </Form>
  )
}
