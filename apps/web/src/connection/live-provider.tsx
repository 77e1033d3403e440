import type { NetworkGeoJson } from '@ioc/domain'
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react'
import { io } from 'socket.io-client'
import { indexNetwork, type NetworkIndex } from '../state/network-index'
import { ApiRequestError, createApiClient } from './api-client'
import { createLiveFeed, type FeedView, type IocSocket, type LiveFeed } from './live-feed'

interface LiveContextValue {
  index: NetworkIndex
  feed: LiveFeed
}

const LiveContext = createContext<LiveContextValue | null>(null)

const NETWORK_RETRY_MS = 5_000

export interface LiveProviderProps {
  /** A wall display's read-only token from `?token=`; null for a signed-in desk (cookie). */
  displayToken: string | null
  children: ReactNode
  /** Shown until the network and the socket are ready. */
  loading: ReactNode
  /** Shown when the server refuses the token or session (401/403). */
  refused: ReactNode
}

/** Loads the network, opens the socket and keeps one live feed for everything below it. */
export function LiveProvider({ displayToken, children, loading, refused }: LiveProviderProps) {
  const api = useMemo(() => createApiClient(displayToken), [displayToken])
  const [networkEpoch, setNetworkEpoch] = useState(0)
  const [index, setIndex] = useState<NetworkIndex | null>(null)
  const [isRefused, setRefused] = useState(false)
  const [feed, setFeed] = useState<LiveFeed | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: networkEpoch asks for the network again.
  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () =>
      api.get<NetworkGeoJson>('/api/v1/network').then(
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

  useEffect(() => {
    if (!index) return
    // Connect only once the feed listens, or the snapshot sent on connect would be lost.
    const socket: IocSocket = io({
      autoConnect: false,
      // WebSocket only: no long-polling means no sticky sessions when the server scales out behind
      // the Redis adapter, and one connection per wall instead of a request every few seconds.
      transports: ['websocket'],
      withCredentials: true,
      ...(displayToken ? { auth: { token: displayToken } } : {}),
    })
    const created = createLiveFeed(socket, index, {
      now: Date.now,
      onNetworkChanged: () => setNetworkEpoch((e) => e + 1),
    })
    setFeed(created)
    socket.connect()
    return () => {
      created.dispose()
      socket.disconnect()
    }
  }, [index, displayToken])

  if (isRefused) return refused
  if (!index || !feed) return loading
  return <LiveContext.Provider value={{ index, feed }}>{children}</LiveContext.Provider>
}

export interface Live {
  index: NetworkIndex
  feed: LiveFeed
  view: FeedView
}

export function useLive(): Live {
  const ctx = useContext(LiveContext)
  if (!ctx) throw new Error('useLive must be used inside <LiveProvider>')
  const view = useSyncExternalStore(ctx.feed.subscribe, ctx.feed.getView)
  return { ...ctx, view }
}
