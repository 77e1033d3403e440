import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { LanguageSwitch } from '../app/language-switch'
import { ReportForm } from './report-form'
import { ReportStatusPage } from './report-status-page'
import './citizen.css'

/**
 * `/report` and `/report/<code>`: the public, mobile-first pages where anyone reports a flooded street,
 * a jam, a broken light or a fallen tree, and follows it. Loads no staff code and asks no sign-in.
 */
export default function CitizenApp() {
  const { t } = useTranslation()
  return (
    <div className="citizen">
      <header className="citizen-header">
        <a href="/report" className="citizen-title">
          {t('citizen.title')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="citizen-main">
        <Routes>
          <Route index element={<ReportForm />} />
          <Route path=":code" element={<ReportStatusPage />} />
        </Routes>
      </main>
    </div>
  )
}
