/**
 * `client` with every PUBLISH's rejection reported to `onError` as well as to the caller. The Socket.IO
 * streams adapter sends inter-server messages (`serverSideEmit`) as a PUBLISH whose promise it drops
 * (`doPublish`), so a Redis that fails or answers after node-redis' 5 s command timeout raised an
 * unhandled rejection, which ends a Node process: an instance died of a slow Redis. A caller that awaits
 * the publish still sees it fail.
 */
export function guardPublishes<C extends object>(client: C, onError: (err: Error) => void): C {
  const guarded = new Set<PropertyKey>(['publish', 'sPublish', 'PUBLISH', 'SPUBLISH'])
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (typeof value !== 'function') return value
      // node-redis keeps its state in private fields: its methods must run on the client itself.
      const bound = value.bind(target)
      if (!guarded.has(key)) return bound
      return (...args: unknown[]) => {
        const sent: unknown = bound(...args)
        if (sent instanceof Promise) sent.catch(onError)
        return sent
      }
    },
  })
}
