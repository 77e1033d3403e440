import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { type ApiClient, createApiClient } from '../api/api-client'
import { createLiveFeed, type IocSocket, type LiveFeed } from './live-feed'
import { FeedProvider, type NetworkLoad, useFeed, useNetworkIndex, useSocket } from './live-provider'

export interface DeskConnection {
  api: ApiClient
  /** The tab's one socket: the live feed, the console's silences and an analyst's replay all ride on it. */
  socket: IocSocket
  /** The road network, fetched once for the tab (again only when a message names another version). */
  network: NetworkLoad
  /** The live feed, kept while the desk is open so each page starts from the current picture. */
  live: LiveFeed | null
}

const DeskContext = createContext<DeskConnection | null>(null)

/**
 * The signed-in desk's connection to the server, shared by every desk page of the tab: moving between
 * the map, the console and a replay opens no other socket and fetches the network no more.
 */
export function DeskConnectionProvider({ children }: { children: ReactNode }) {
  const api = useMemo(() => createApiClient(null), [])
  const network = useNetworkIndex(api)
  const socket = useSocket(null)
  const live = useFeed(socket, network, createLiveFeed)
  const value = useMemo(() => ({ api, socket, network, live }), [api, socket, network, live])
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>
}

export function useDeskConnection(): DeskConnection {
  const desk = useContext(DeskContext)
  if (!desk) throw new Error('useDeskConnection must be used inside <DeskConnectionProvider>')
  return desk
}

export interface DeskLiveProps {
  children: ReactNode
  /** Shown until the network is loaded. */
  loading: ReactNode
  /** Shown when the server refuses the session (401/403). */
  refused: ReactNode
}

/** The desk's live feed for the map, layers and KPIs below (`useLive`). */
export function DeskLive({ children, loading, refused }: DeskLiveProps) {
  const { network, live } = useDeskConnection()
  if (network.refused) return refused
  if (!network.index || !live) return loading
  return (
    <FeedProvider index={network.index} feed={live}>
      {children}
    </FeedProvider>
  )
}
