import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { LANG_STORAGE_KEY } from './app/language-switch'
import { createI18n, isLang } from './i18n/i18n'
import { severityProperties } from './layers/colors'

// `?lang=en` lets a wall be set up by URL alone; desks remember their choice.
const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANG_STORAGE_KEY)
const lang = isLang(asked) ? asked : 'vi'
document.documentElement.lang = lang
// The severity palette for every stylesheet (app/severity.css), from the one the map draws with.
for (const [name, value] of Object.entries(severityProperties()))
  document.documentElement.style.setProperty(name, value)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <App i18n={createI18n(lang)} />
  </StrictMode>,
)
