import { lazy } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { AuthProvider } from '../auth/auth-provider'

const LoginPage = lazy(() => import('../auth/login-page'))
const DeskLayout = lazy(() => import('./desk-layout'))
const LiveMapPage = lazy(() => import('./live-map-page'))
const ConsolePage = lazy(() => import('../console/console-page'))
const ReportsPage = lazy(() => import('../reports/reports-page'))
const CitizenReportsPage = lazy(() => import('../citizen-desk/citizen-reports-page'))
const ReplayPage = lazy(() => import('../replay/replay-page'))
const HandoverPage = lazy(() => import('../handover/handover-page'))

/** Everything behind a sign-in. Kept apart from /wall, which never asks who is signed in. */
export default function DeskApp() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<DeskLayout />}>
          <Route index element={<LiveMapPage />} />
          <Route path="alerts" element={<ConsolePage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="citizen" element={<CitizenReportsPage />} />
          <Route path="replay" element={<ReplayPage />} />
          <Route path="handover" element={<HandoverPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AuthProvider>
  )
}
