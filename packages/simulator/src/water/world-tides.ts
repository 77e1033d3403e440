import type { FittedTides } from './gauge-levels'

/**
 * The estuary tide models the simulator plays Phú An and Nhà Bè with, frozen: the forms that
 * `selectEstuaryTide` chose on every reported level of fixtures/hcmc/tide-reports.json (leave one reported
 * day out over the 2013 highs and lows and the 2008–2025 peaks, base lag from the single-lag level fit)
 * at commit 5e197a0, printed with full precision. Frozen so that the simulated world, the scenarios and
 * every test and recording that replays them stay put when the forecaster's own fit changes: a simulator
 * that regenerates its truth from the forecaster's model would judge the forecaster on itself.
 */
export const WORLD_TIDES: FittedTides = {
  'phu-an': {
    form: { lagMin: 208, groups: ['species', 'asymmetry'] },
    names: ['offset', 'sea', 'semi', 'semi′', 'sea′', 'sea²', 'sea·sea′'],
    coefficients: [
      0.23360632327293146, 0.9418268155298594, 0.15139282007650057, 0.0072139577690332815,
      0.16605635409137878, -0.074024111494503, 0.02229215790139949,
    ],
    priorStrength: 30,
  },
  'nha-be': {
    form: { lagMin: 181, groups: ['species', 'asymmetry', 'overtides', 'spring-neap'] },
    names: [
      'offset',
      'sea',
      'semi',
      'semi′',
      'sea′',
      'sea²',
      'sea·sea′',
      'M4 cos',
      'M4 sin',
      'MS4 cos',
      'MS4 sin',
      'M6 cos',
      'M6 sin',
      'range·sea',
    ],
    coefficients: [
      0.29796034704233765, 0.912200449924637, 0.22087775618749517, 0.3395426434642259, 0.2618783548614777,
      -0.13711764837083207, -0.09468059306663934, 0.06377212697278438, -0.05006543891279437,
      0.02443087315392499, 0.050412700548838896, 0.011977206528073006, 0.0651142615453765, 0.2761251575401704,
    ],
    priorStrength: 3,
  },
}
