// Copies the OSM basemap fixtures, slimmed, into public/basemap (git-ignored) so the map needs no tile server.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { basemapFile } from '@ioc/fixtures'
import {
  districtLabels,
  type FeatureCollection,
  slimDistricts,
  slimWaterAreas,
  slimWaterways,
} from './basemap-slim'

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'basemap')

async function load(name: Parameters<typeof basemapFile>[0]): Promise<FeatureCollection> {
  return JSON.parse(await readFile(basemapFile(name), 'utf8')) as FeatureCollection
}

async function write(name: string, fc: FeatureCollection): Promise<void> {
  const text = JSON.stringify(fc)
  await writeFile(join(outDir, `${name}.geojson`), text)
  console.log(
    `basemap: ${name}.geojson ${fc.features.length} features, ${(text.length / 1024).toFixed(0)} KiB`,
  )
}

await mkdir(outDir, { recursive: true })
const districts = slimDistricts(await load('districts'))
await write('districts', districts)
await write('district-labels', districtLabels(districts))
await write('waterways', slimWaterways(await load('waterways')))
await write('water-areas', slimWaterAreas(await load('water-areas')))
