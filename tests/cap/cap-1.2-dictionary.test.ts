import { describe, expect, test } from 'vitest'
import { checkCap12 } from './cap-1.2-dictionary'

// A message written by hand to the letter of the data dictionary, with every optional block used once.
const VALID = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>b2f1-17</identifier>
  <sender>ioc.tphcm</sender>
  <sent>2025-11-06T17:05:00+07:00</sent>
  <status>Exercise</status>
  <msgType>Update</msgType>
  <source>IOC</source>
  <scope>Public</scope>
  <code>IOC-1</code>
  <references>ioc.tphcm,b2f1-16,2025-11-06T16:45:00+07:00</references>
  <incidents>water-level-phu-an</incidents>
  <info>
    <language>vi-VN</language>
    <category>Met</category>
    <event>Mực nước cao</event>
    <responseType>Avoid</responseType>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <eventCode><valueName>level</valueName><value>III</value></eventCode>
    <onset>2025-11-06T17:05:00+07:00</onset>
    <expires>2025-11-06T23:00:00+07:00</expires>
    <headline>Phú An vượt báo động III</headline>
    <web>https://ioc.example.vn/cap</web>
    <parameter><valueName>station</valueName><value>phu-an</value></parameter>
    <resource><resourceDesc>map</resourceDesc><mimeType>image/png</mimeType><size>1024</size></resource>
    <area>
      <areaDesc>Quận 7</areaDesc>
      <polygon>10.7568,106.7012 10.7575,106.7018 10.7585,106.7028 10.7568,106.7012</polygon>
      <circle>10.7722,106.7116 3</circle>
      <geocode><valueName>district</valueName><value>Q7</value></geocode>
      <altitude>0</altitude>
      <ceiling>10</ceiling>
    </area>
  </info>
</alert>`

const breaking = (from: string | RegExp, to: string) => {
  const xml = VALID.replace(from, to)
  if (xml === VALID) throw new Error(`the mutation ${from} changed nothing`)
  return checkCap12(xml)
}

describe('the CAP 1.2 test schema', () => {
  test('accepts a message that follows the data dictionary', () => {
    expect(checkCap12(VALID)).toEqual([])
  })

  test.each([
    ['a required element missing', /<identifier>.*<\/identifier>/, '', '/alert: identifier is required'],
    ['a "Z" time zone', '2025-11-06T17:05:00+07:00</sent>', '2025-11-06T10:05:00Z</sent>', 'CAP dateTime'],
    ['fractions of a second', '17:05:00+07:00</sent>', '17:05:00.5+07:00</sent>', 'CAP dateTime'],
    ['a status outside the enumeration', 'Exercise', 'Live', '"Live" is not one of Actual'],
    ['a msgType outside the enumeration', '>Update<', '>Updated<', '"Updated" is not one of Alert'],
    ['a scope outside the enumeration', '>Public<', '>Everyone<', '"Everyone" is not one of Public'],
    ['no category', '<category>Met</category>', '', 'category is required'],
    ['a category outside the enumeration', '>Met<', '>Flood<', '"Flood" is not one of Geo'],
    ['a responseType outside the enumeration', '>Avoid<', '>Run<', '"Run" is not one of Shelter'],
    [
      'urgency twice',
      '<urgency>Immediate</urgency>',
      '<urgency>Immediate</urgency><urgency>Past</urgency>',
      'urgency appears 2 times',
    ],
    ['a severity outside the enumeration', '>Severe<', '>High<', '"High" is not one of Extreme'],
    ['a certainty outside the enumeration', '>Observed<', '>Sure<', '"Sure" is not one of Observed'],
    [
      'elements out of the schema order',
      /(<event>.*<\/event>)\s*(<responseType>.*<\/responseType>)/,
      '$2$1',
      'event is required',
    ],
    [
      'an element the dictionary does not have',
      '<incidents>',
      '<priority>1</priority><incidents>',
      'priority is unexpected',
    ],
    ['a space in the identifier', 'b2f1-17', 'b2f1 17', 'free of spaces'],
    ['a comma in the sender', '<sender>ioc.tphcm', '<sender>ioc,tphcm', 'free of spaces'],
    [
      'references without a sent time',
      'b2f1-16,2025-11-06T16:45:00+07:00',
      'b2f1-16',
      'sender,identifier,sent',
    ],
    [
      'a polygon of three points',
      ' 10.7585,106.7028 10.7568,106.7012</polygon>',
      ' 10.7568,106.7012</polygon>',
      'at least 4',
    ],
    [
      'a polygon left open',
      '10.7568,106.7012</polygon>',
      '10.7599,106.7099</polygon>',
      'does not end where it starts',
    ],
    [
      'a polygon given lon,lat beyond ±90',
      '10.7568,106.7012 10.7575',
      '106.7012,10.7568 10.7575',
      'lat,lon pairs',
    ],
    ['a circle without its radius', '106.7116 3<', '106.7116<', 'lat,lon radius'],
    ['no areaDesc', '<areaDesc>Quận 7</areaDesc>', '', 'areaDesc is required'],
    ['a ceiling without altitude', '<altitude>0</altitude>', '', 'ceiling is only allowed with altitude'],
    ['a restricted scope without restriction', '>Public<', '>Restricted<', 'restriction is required'],
    ['a private scope without addresses', '>Public<', '>Private<', 'addresses is required'],
    ['a relative web address', 'https://ioc.example.vn/cap', '/cap', 'absolute URI'],
    ['a size that is no integer', '<size>1024', '<size>1 KB', 'an integer'],
    ['an eventCode without value', '<value>III</value>', '', 'value is required'],
    ['another namespace', 'cap:1.2"', 'cap:1.1"', 'namespace'],
    ['broken XML', '</alert>', '</alrt>', 'not well-formed'],
  ])('rejects %s', (_what, from, to, problem) => {
    expect(breaking(from, to).join('\n')).toContain(problem)
  })
})
