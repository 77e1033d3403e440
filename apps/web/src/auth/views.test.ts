import { Role } from '@ioc/domain'
import { expect, test } from 'vitest'
import { viewsFor } from './views'

test('every role that may watch the live picture gets the live map and the wall', () => {
  for (const role of Role.options)
    expect(viewsFor(role).map((v) => v.path)).toEqual(expect.arrayContaining(['/', '/wall']))
})

test('only duty officers and administrators get the alert console', () => {
  const withConsole = Role.options.filter((role) => viewsFor(role).some((v) => v.path === '/alerts'))
  expect(withConsole).toEqual(['duty-officer', 'admin'])
  expect(viewsFor('duty-officer').map((v) => v.path)).toEqual([
    '/',
    '/alerts',
    '/handover',
    '/citizen',
    '/wall',
  ])
})

test('only analysts and administrators get the reports', () => {
  const withReports = Role.options.filter((role) => viewsFor(role).some((v) => v.path === '/reports'))
  expect(withReports).toEqual(['analyst', 'admin'])
})

test('only analysts and administrators get the replay', () => {
  const withReplay = Role.options.filter((role) => viewsFor(role).some((v) => v.path === '/replay'))
  expect(withReplay).toEqual(['analyst', 'admin'])
})

test('operators, duty officers and administrators get the citizens’ reports; analysts do not', () => {
  const withCitizen = Role.options.filter((role) => viewsFor(role).some((v) => v.path === '/citizen'))
  expect(withCitizen).toEqual(['operator', 'duty-officer', 'admin'])
})
