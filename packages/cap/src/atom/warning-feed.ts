import type { PublicWarning } from '@ioc/domain'
import { create } from 'xmlbuilder2'

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom'

export interface WarningFeedOptions {
  /** A permanent IRI for the feed (RFC 4287 §4.2.6). */
  id: string
  title: string
  author: string
  /** Where the feed itself is served, and where message `<identifier>` is: `messageHref(identifier)`. */
  selfHref: string
  messageHref: (identifier: string) => string
  lang: 'vi' | 'en'
}

/**
 * The published warnings as an Atom 1.0 feed (RFC 4287), one entry per CAP message, newest first,
 * each linking its CAP document: the way CAP aggregators read an issuer's messages.
 */
export function warningFeed(published: readonly PublicWarning[], o: WarningFeedOptions): string {
  const entries = published
    .filter((w) => w.state === 'published' && w.publishedAt !== null && w.message.sent)
    .sort((a, b) => (b.publishedAt as number) - (a.publishedAt as number))
  const language = o.lang === 'vi' ? 'vi-VN' : 'en-US'
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NAMESPACE, 'feed', {
    'xml:lang': language,
  })
  feed.ele('id').txt(o.id)
  feed.ele('title').txt(o.title)
  // With no entry the feed last changed at the epoch: nothing was ever published.
  feed.ele('updated').txt(new Date(entries[0]?.publishedAt ?? 0).toISOString())
  feed.ele('author').ele('name').txt(o.author)
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: o.selfHref })
  for (const w of entries) {
    const info = w.message.info.find((i) => i.language === language) ?? w.message.info[0]
    const entry = feed.ele('entry')
    entry.ele('id').txt(`urn:uuid:${w.id}`)
    entry.ele('title').txt(info?.headline ?? w.id)
    const at = new Date(w.publishedAt as number).toISOString()
    entry.ele('published').txt(at)
    entry.ele('updated').txt(at)
    entry.ele('category', { term: w.message.msgType, label: info?.event ?? w.message.msgType })
    entry.ele('summary').txt(info?.description ?? '')
    entry.ele('link', { rel: 'alternate', type: 'application/cap+xml', href: o.messageHref(w.id) })
  }
  return feed.end({ prettyPrint: true })
}
