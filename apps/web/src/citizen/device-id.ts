const KEY = 'ioc.citizen.device'

/**
 * A random id kept by this browser, sent as Open311's `device_id` so the server can limit reports per
 * device. It names no person and is not shown anywhere.
 */
export function deviceId(storage: Storage = localStorage): string {
  const known = storage.getItem(KEY)
  if (known) return known
  const id = crypto.randomUUID()
  storage.setItem(KEY, id)
  return id
}
