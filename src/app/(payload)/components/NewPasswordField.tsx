'use client'
import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

const keepWhenEmpty = () => true as const

/**
 * The users' password in the admin panel: masked, and optional (empty keeps the current one). The server
 * checks the password policy and stores it as argon2id (hooks/users/password.ts).
 */
export const NewPasswordField: TextFieldClientComponent = ({ field, path }) => (
  <PasswordField autoComplete="new-password" field={{ ...field, required: false }} path={path ?? field.name} validate={keepWhenEmpty} />
)
