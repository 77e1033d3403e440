import type { Role } from '@ioc/domain'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { answer, createApiClient, done } from '../api/api-client'

export interface SessionUser {
  name: string
  role: Role
}

interface Auth {
  /** undefined while asking the server who the session cookie belongs to. */
  user: SessionUser | null | undefined
  login(name: string, password: string): Promise<void>
  logout(): Promise<void>
}

const AuthContext = createContext<Auth | null>(null)

/** The signed-in desk user. The session is the server's HTTP-only cookie; a reload asks `/auth/me`. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useMemo(() => createApiClient(null), [])
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined)

  useEffect(() => {
    answer(api.GET('/api/v1/auth/me')).then(
      ({ principal }) =>
        setUser(principal.kind === 'user' ? { name: principal.name, role: principal.role } : null),
      () => setUser(null),
    )
  }, [api])

  const login = useCallback(
    async (name: string, password: string) => {
      const reply = await answer(api.POST('/api/v1/auth/login', { body: { name, password } }))
      setUser(reply.user)
    },
    [api],
  )
  const logout = useCallback(async () => {
    await done(api.POST('/api/v1/auth/logout')).catch(() => undefined)
    setUser(null)
  }, [api])

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>')
  return auth
}
