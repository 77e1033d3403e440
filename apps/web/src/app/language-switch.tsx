import { useTranslation } from 'react-i18next'
import { LANGS } from '../i18n/i18n'

export const LANG_STORAGE_KEY = 'ioc.lang'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <fieldset className="lang-switch">
      <legend>{t('nav.language')}</legend>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => {
            localStorage.setItem(LANG_STORAGE_KEY, lang)
            document.documentElement.lang = lang
            void i18n.changeLanguage(lang)
          }}
        >
          {lang === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </fieldset>
  )
}
