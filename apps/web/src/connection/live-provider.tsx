import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react'
import { io } from 'socket.io-client'
import { type ApiClient, ApiRequestError, answer, createApiClient } from '../api/api-client'
import { indexNetwork, type NetworkIndex } from '../state/network-index'
import { createLiveFeed, type FeedView, type IocSocket, type LiveFeed } from './live-feed'

interface FeedContextValue {
  index: NetworkIndex
  feed: LiveFeed
}

const FeedContext = createContext<FeedContextValue | null>(null)

const NETWORK_RETRY_MS = 5_000

export interface NetworkLoad {
  index: NetworkIndex | null
  /** The server refused the token or session (401/403). */
  refused: boolean
  /** Asks for the network again (a message named another network version). */
  reload(): void
}

/** `GET /api/v1/network`, retried every few seconds until the server answers. */
export function useNetworkIndex(api: ApiClient): NetworkLoad {
  const [networkEpoch, setNetworkEpoch] = useState(0)
  const [index, setIndex] = useState<NetworkIndex | null>(null)
  const [refused, setRefused] = useState(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: networkEpoch asks for the network again.
  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () =>
      answer(api.GET('/api/v1/network')).then(
        (network) => !cancelled && setIndex(indexNetwork(network)),
        (err: unknown) => {
          if (cancelled) return
          if (err instanceof ApiRequestError && (err.status === 401 || err.status === 403)) setRefused(true)
          else timer = setTimeout(load, NETWORK_RETRY_MS)
        },
      )
    void load()
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [api, networkEpoch])

  const reload = useCallback(() => setNetworkEpoch((e) => e + 1), [])
  return useMemo(() => ({ index, refused, reload }), [index, refused, reload])
}

/** A socket to the server that served the page, not yet connected: connect once the feed listens. */
export function createSocket(displayToken: string | null): IocSocket {
  return io({
    autoConnect: false,
    // WebSocket only: no long-polling means no sticky sessions when the server scales out behind
    // the Redis adapter, and one connection per wall instead of a request every few seconds.
    transports: ['websocket'],
    withCredentials: true,
    ...(displayToken ? { auth: { token: displayToken } } : {}),
  })
}

/** One socket for as long as the component that asks for it; its first feed connects it. */
export function useSocket(displayToken: string | null): IocSocket {
  const socket = useMemo(() => createSocket(displayToken), [displayToken])
  useEffect(
    () => () => {
      socket.disconnect()
    },
    [socket],
  )
  return socket
}

/**
 * Keeps one feed made by `create` on `socket` once the network is loaded, and connects the socket
 * then; null until then. `create` should be a module-level function, so the feed is not rebuilt on
 * every render.
 */
export function useFeed<F extends LiveFeed>(
  socket: IocSocket,
  network: NetworkLoad,
  create: (
    socket: IocSocket,
    index: NetworkIndex,
    opts: { now: () => number; onNetworkChanged: () => void },
  ) => F,
): F | null {
  const { index, reload } = network
  const [feed, setFeed] = useState<F | null>(null)

  useEffect(() => {
    if (!index) return
    const created = create(socket, index, { now: Date.now, onNetworkChanged: reload })
    setFeed(created)
    // Connect only once a feed listens, or the snapshot sent on connect would be lost.
    if (!socket.active) socket.connect()
    return () => created.dispose()
  }, [socket, index, reload, create])
  return feed
}

/**
 * Hands a feed to the map, layers and KPIs below it. The live feed and an analyst's replay feed both
 * come through here, so everything under it draws a replay with the live code.
 */
export function FeedProvider({ index, feed, children }: FeedContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ index, feed }), [index, feed])
  return <FeedContext.Provider value={value}>{children}</FeedContext.Provider>
}

export interface LiveProviderProps {
  /** A wall display's read-only token from `?token=`; null for a signed-in desk (cookie). */
  displayToken: string | null
  children: ReactNode
  /** Shown until the network and the socket are ready. */
  loading: ReactNode
  /** Shown when the server refuses the token or session (401/403). */
  refused: ReactNode
}

/** Loads the network, opens the socket and keeps one live feed for everything below it (the wall). */
export function LiveProvider({ displayToken, children, loading, refused }: LiveProviderProps) {
  const api = useMemo(() => createApiClient(displayToken), [displayToken])
  const network = useNetworkIndex(api)
  const { index } = network
  const socket = useSocket(displayToken)
  const feed = useFeed(socket, network, createLiveFeed)

  if (network.refused) return refused
  if (!index || !feed) return loading
  return (
    <FeedProvider index={index} feed={feed}>
      {children}
    </FeedProvider>
  )
}

export interface Live {
  index: NetworkIndex
  feed: LiveFeed
  view: FeedView
}

/** The feed below the nearest `<LiveProvider>` or `<FeedProvider>`: live, or an analyst's replay. */
export function useLive(): Live {
  const ctx = useContext(FeedContext)
  if (!ctx) throw new Error('useLive must be used inside <LiveProvider> or <FeedProvider>')
  const view = useSyncExternalStore(ctx.feed.subscribe, ctx.feed.getView)
  return { ...ctx, view }
}
