import {
  CITIZEN_PHOTO_MAX_BYTES,
  CITIZEN_TEXT_MAX,
  type CitizenCategory,
  type FloodDepthLevel,
} from '@ioc/domain'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { deviceId } from './device-id'
import { LocationField } from './location-field'
import { Open311Error, submitReport } from './open311-client'

const CATEGORIES: readonly CitizenCategory[] = ['flood', 'jam', 'traffic-light', 'fallen-tree']
const LEVELS: readonly FloodDepthLevel[] = ['ankle', 'knee', 'waist']
/** The formats the server reads; HEIC is what iPhones take. */
const PHOTO_TYPES = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif'

type Depth = FloodDepthLevel | 'cm'

/** The report itself: what, how deep, where, a photo and a few words; then the tracking code. */
export function ReportForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [category, setCategory] = useState<CitizenCategory | null>(null)
  const [depth, setDepth] = useState<Depth | null>(null)
  const [depthCm, setDepthCm] = useState('')
  const [location, setLocation] = useState<[number, number] | null>(null)
  const [photo, setPhoto] = useState<File | null>(null)
  const [description, setDescription] = useState('')
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const missing =
    category === null
      ? t('citizen.needCategory')
      : category === 'flood' && (depth === null || (depth === 'cm' && !(Number(depthCm) > 0)))
        ? t('citizen.needDepth')
        : location === null
          ? t('citizen.needLocation')
          : null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (missing || !category || !location) return setProblem(missing)
    setSending(true)
    setProblem(null)
    try {
      const code = await submitReport({
        category,
        depth:
          category !== 'flood' || !depth
            ? null
            : depth === 'cm'
              ? { cm: Math.round(Number(depthCm)) }
              : { level: depth },
        location,
        description: description.trim(),
        photo,
        deviceId: deviceId(),
      })
      navigate(`/report/${code}`, { state: { justSent: true } })
    } catch (err) {
      setProblem(
        err instanceof Open311Error
          ? t(err.status === 429 ? 'citizen.tooMany' : 'citizen.refused', { reason: err.message })
          : t('citizen.offline'),
      )
      setSending(false)
    }
  }

  return (
    <form className="citizen-form" onSubmit={submit} noValidate>
      <h1>{t('citizen.heading')}</h1>
      <fieldset className="citizen-choices">
        <legend>{t('citizen.what')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className={`citizen-choice citizen-choice-${c}`}>
            <input
              type="radio"
              name="category"
              value={c}
              checked={category === c}
              onChange={() => setCategory(c)}
            />
            <span>{t(`citizen.category.${c}`)}</span>
          </label>
        ))}
      </fieldset>

      {category === 'flood' && (
        <fieldset className="citizen-choices citizen-depth">
          <legend>{t('citizen.depth')}</legend>
          {[...LEVELS, 'cm' as const].map((d) => (
            <label key={d} className="citizen-choice">
              <input type="radio" name="depth" value={d} checked={depth === d} onChange={() => setDepth(d)} />
              <span>{t(`citizen.depthLevel.${d}`)}</span>
            </label>
          ))}
          {depth === 'cm' && (
            <label className="citizen-cm">
              {t('citizen.depthCm')}
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={300}
                value={depthCm}
                onChange={(e) => setDepthCm(e.target.value)}
              />
            </label>
          )}
        </fieldset>
      )}

      <LocationField value={location} onChange={setLocation} />

      <label className="citizen-field">
        {t('citizen.photo')}
        <input
          type="file"
          accept={PHOTO_TYPES}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null
            if (file && file.size > CITIZEN_PHOTO_MAX_BYTES) {
              setProblem(t('citizen.photoTooBig'))
              e.target.value = ''
              return setPhoto(null)
            }
            setPhoto(file)
          }}
        />
        <small>{t('citizen.photoNote')}</small>
      </label>

      <label className="citizen-field">
        {t('citizen.text')}
        <textarea
          value={description}
          maxLength={CITIZEN_TEXT_MAX}
          rows={3}
          onChange={(e) => setDescription(e.target.value)}
          placeholder={t('citizen.textHint')}
        />
        <small>
          {description.length}/{CITIZEN_TEXT_MAX} · {t('citizen.noPersonal')}
        </small>
      </label>

      {problem && (
        <p className="citizen-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="citizen-send" disabled={sending}>
        {sending ? t('citizen.sending') : t('citizen.send')}
      </button>
    </form>
  )
}
