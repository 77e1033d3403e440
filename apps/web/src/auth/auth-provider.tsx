import type { LoginRequest, LoginResponse, Me, Role } from '@ioc/domain'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { createApiClient } from '../connection/api-client'

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
    api.get<Me>('/api/v1/auth/me').then(
      ({ principal }) =>
        setUser(principal.kind === 'user' ? { name: principal.name, role: principal.role } : null),
      () => setUser(null),
    )
  }, [api])

  const login = useCallback(
    async (name: string, password: string) => {
      const body: LoginRequest = { name, password }
      const reply = await api.post<LoginResponse>('/api/v1/auth/login', body)
      setUser(reply.user)
    },
    [api],
  )
  const logout = useCallback(async () => {
    await api.post('/api/v1/auth/logout', {}).catch(() => undefined)
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
