import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import vi from './vi.json'

export type Lang = 'vi' | 'en'
export const LANGS: readonly Lang[] = ['vi', 'en']

export function isLang(s: string | null | undefined): s is Lang {
  return s === 'vi' || s === 'en'
}

/** One i18next instance per app root (no module-level singleton), Vietnamese unless told otherwise. */
export function createI18n(lang: Lang = 'vi'): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnObjects: true,
    initAsync: false,
  })
  return instance
}
