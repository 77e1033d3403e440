import type { i18n } from 'i18next'
import { lazy, Suspense } from 'react'
import { I18nextProvider } from 'react-i18next'
import { BrowserRouter, Route, Routes } from 'react-router'
import './base.css'

// Each part is its own chunk: the wall downloads neither the sign-in nor the desk.
const WallPage = lazy(() => import('../wall/wall-page'))
const DeskApp = lazy(() => import('../desk/desk-app'))
// The public page for citizens: its own small chunk, no staff code.
const CitizenApp = lazy(() => import('../citizen/citizen-app'))

export function App({ i18n }: { i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <Suspense fallback={null}>
          <Routes>
            <Route path="/wall" element={<WallPage />} />
            <Route path="/report/*" element={<CitizenApp />} />
            <Route path="*" element={<DeskApp />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </I18nextProvider>
  )
}
