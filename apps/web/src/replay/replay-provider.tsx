import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from 'react'
import { useDeskConnection } from '../connection/desk-connection'
import { FeedProvider, useFeed } from '../connection/live-provider'
import type { NetworkIndex } from '../state/network-index'
import { createReplayFeed, type ReplayFeed, type ReplayFeedView } from './replay-feed'

interface ReplayContextValue {
  index: NetworkIndex
  feed: ReplayFeed
}

const ReplayContext = createContext<ReplayContextValue | null>(null)

export interface ReplayProviderProps {
  children: ReactNode
  loading: ReactNode
  refused: ReactNode
}

/**
 * The analyst's replay feed, on the desk's socket and network. The feed also goes to `<FeedProvider>`,
 * so the live map, layers and KPIs below draw the replay exactly as they draw live data.
 */
export function ReplayProvider({ children, loading, refused }: ReplayProviderProps) {
  const { socket, network } = useDeskConnection()
  const { index } = network
  const feed = useFeed(socket, network, createReplayFeed)

  const value = useMemo(() => (index && feed ? { index, feed } : null), [index, feed])
  if (network.refused) return refused
  if (!value) return loading
  return (
    <ReplayContext.Provider value={value}>
      <FeedProvider index={value.index} feed={value.feed}>
        {children}
      </FeedProvider>
    </ReplayContext.Provider>
  )
}

export interface Replay extends ReplayContextValue {
  view: ReplayFeedView
}

export function useReplay(): Replay {
  const ctx = useContext(ReplayContext)
  if (!ctx) throw new Error('useReplay must be used inside <ReplayProvider>')
  const view = useSyncExternalStore(ctx.feed.subscribe, ctx.feed.getView)
  return { ...ctx, view }
}
