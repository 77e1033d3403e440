import type { ObservationSource } from '@ioc/sensorthings'

/**
 * The public open-data reads (SensorThings Observations): stored readings by series, time and value,
 * sorted and paged in the database. Ties sort by time, kind, subject, field and source, byte-wise, so
 * every store pages the same rows in the same order.
 */
export type OpenDataStore = ObservationSource
