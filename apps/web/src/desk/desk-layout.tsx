import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, NavLink, Outlet } from 'react-router'
import { LanguageSwitch } from '../app/language-switch'
import { useAuth } from '../auth/auth-provider'
import { viewsFor } from '../auth/views'
import { DeskConnectionProvider } from '../connection/desk-connection'
import './desk.css'

/** The signed-in desk: navigation for the user's role, language, sign-out, and the view below. */
export default function DeskLayout() {
  const { t } = useTranslation()
  const { user, logout } = useAuth()
  if (user === undefined) return null
  if (user === null) return <Navigate to="/login" replace />
  return (
    <div className="desk">
      <header className="desk-header">
        <span className="desk-title">{t('app.title')}</span>
        <nav>
          {viewsFor(user.role).map((v) => (
            <NavLink key={v.path} to={v.path} end>
              {t(v.labelKey)}
            </NavLink>
          ))}
        </nav>
        <LanguageSwitch />
        <span className="desk-user">
          {user.name} · {t(`roles.${user.role}`)}
        </span>
        <button type="button" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </header>
      <main className="desk-main">
        <DeskConnectionProvider>
          {/* Below the connection: a page still loading its code leaves the desk's socket as it is. */}
          <Suspense fallback={null}>
            <Outlet />
          </Suspense>
        </DeskConnectionProvider>
      </main>
    </div>
  )
}
