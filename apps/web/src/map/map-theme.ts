/** Dark for the wall (a dim room, seen from afar), light for desks. */
export type MapTheme = 'dark' | 'light'

export interface MapPalette {
  background: string
  land: string
  districtLine: string
  water: string
  waterway: string
  label: string
  waterLabel: string
  halo: string
}

export const PALETTES: Record<MapTheme, MapPalette> = {
  dark: {
    background: '#070b10',
    land: '#0e151d',
    districtLine: '#324356',
    water: '#13314a',
    waterway: '#1d4a6e',
    label: '#a9bccf',
    waterLabel: '#6fa3cf',
    halo: '#070b10',
  },
  light: {
    background: '#e9e6df',
    land: '#f4f2ed',
    districtLine: '#a59e90',
    water: '#a9cbe6',
    waterway: '#86b5dc',
    label: '#34414f',
    waterLabel: '#2f6797',
    halo: '#ffffff',
  },
}
