import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { createFormatters, type Formatters } from '../i18n/format'
import { isLang, type Lang } from '../i18n/i18n'

export function useFormatters(): { f: Formatters; lang: Lang } {
  const { i18n } = useTranslation()
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi'
  return { f: useMemo(() => createFormatters(lang), [lang]), lang }
}
