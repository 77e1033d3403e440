import { AlertKind, Severity } from '@ioc/domain'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { OPEN_STATES, type QueueFilter } from './queue-filter'

export interface QueueFiltersProps {
  filter: QueueFilter
  onChange(filter: QueueFilter): void
  searchRef?: Ref<HTMLInputElement>
}

export function QueueFilters({ filter, onChange, searchRef }: QueueFiltersProps) {
  const { t } = useTranslation()
  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) =>
    onChange({ ...filter, [key]: value })
  return (
    <search className="queue-filters" aria-label={t('console.filters')}>
      <label>
        {t('console.search')}
        <input
          ref={searchRef}
          type="search"
          value={filter.text}
          placeholder={t('console.searchPlaceholder')}
          onChange={(e) => set('text', e.target.value)}
        />
      </label>
      <label>
        {t('console.state')}
        <select value={filter.state} onChange={(e) => set('state', e.target.value as QueueFilter['state'])}>
          <option value="any">{t('console.anyState')}</option>
          {OPEN_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`alertState.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('console.severity')}
        <select
          value={filter.severity}
          onChange={(e) => set('severity', e.target.value as QueueFilter['severity'])}
        >
          <option value="any">{t('console.anySeverity')}</option>
          {[...Severity.options].reverse().map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('console.kind')}
        <select value={filter.kind} onChange={(e) => set('kind', e.target.value as QueueFilter['kind'])}>
          <option value="any">{t('console.anyKind')}</option>
          {AlertKind.options.map((k) => (
            <option key={k} value={k}>
              {t(`alertKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
    </search>
  )
}
