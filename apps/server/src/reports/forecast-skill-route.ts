import { loadTideReports } from '@ioc/fixtures'
import { createTideBases, runRealBacktest } from '@ioc/forecast'
import { realForecastSkill } from '@ioc/reports'
import { reportedLevels } from '@ioc/simulator'
import { Router } from 'express'
import type { ServerContext } from '../api/context'
import { authorize } from '../auth/authorize'

export const REPORTED_LEVELS_SOURCE =
  'fixtures/hcmc/tide-reports.json (Đài KTTV Nam Bộ, as printed by the press)'

/**
 * `GET /api/v1/forecast-skill` (the export:read permission): the tide forecast judged on the reported
 * levels, per gauge, the figures of `ioc backtest --real`. They depend on the fixtures alone, so they are
 * computed once (under a second) on the first request and kept.
 */
export function forecastSkillRoutes(ctx: ServerContext): Router {
  const router = Router()
  let skill: ReturnType<typeof realForecastSkill> | undefined
  router.get('/forecast-skill', authorize(ctx, 'export:read'), (_req, res) => {
    skill ??= realForecastSkill(
      runRealBacktest(createTideBases(), reportedLevels(loadTideReports())),
      ctx.index.network.stations,
      REPORTED_LEVELS_SOURCE,
    )
    res.json(skill)
  })
  return router
}
