import { useEffect } from 'react'
import { useAuth } from './auth-provider'

/** The session expired or was revoked: forget the user, and the desk layout sends them to sign in. */
export function SignedOut() {
  const { logout } = useAuth()
  useEffect(() => {
    void logout()
  }, [logout])
  return null
}
