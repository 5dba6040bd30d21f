import {describe, expect, it} from 'vitest'
import data from '../plugins/data/mojibake.json' with {type: 'json'}
import repairMojibake from '../plugins/repair-mojibake.js'
import {findCyrillicMojibake, findUtf8Mojibake} from '../plugins/util/mojibake.js'
import {runPlugins, timed} from './normalise-helpers.js'

const repair = (text: string, options?: object) =>
  runPlugins([[repairMojibake, options] as never], text)

describe('repair-mojibake: repairs unambiguous double encodings', () => {
  it.each([
    ['The mayorâ€™s plan', 'The mayor’s plan'],
    ['â€œWe are readyâ€\u009d, she said', '“We are ready”, she said'],
    ['a long day â€” and a longer night â€¦', 'a long day — and a longer night …'],
    ['Tickets cost Â£12 or â‚¬14', 'Tickets cost £12 or €14'],
    ['It was 30Â°C in SÃ£o Paulo', 'It was 30°C in São Paulo'],
    ['the cafÃ© near the crÃ¨che in ZÃ¼rich', 'the café near the crèche in Zürich'],
    ['ESPAÃ‘A beat MÃ‰XICO', 'ESPAÑA beat MÉXICO'],
    ['PrzemysÅ‚aw WÄ…sowski siÄ™ Å›mieje', 'Przemysław Wąsowski się śmieje'],
    ['Î•Î»Î»Î¬Î´Î± and ÐœÐ¾Ñ\u0081ÐºÐ²Ð°', 'Ελλάδα and Москва'],
    ['×©×œ×•×\u009d and Ù…Ø±Ø­Ø¨Ø§', 'שלום and مرحبا'],
    ['æ—¥æœ¬ and ì„œìš¸', '日本 and 서울'],
    ['a win ðŸŽ‰ today', 'a win 🎉 today'],
    ['BrandÂ®, Acmeâ„¢', 'Brand®, Acme™'],
  ])('%s', (input, output) => {
    expect(repair(input).text).toBe(output)
  })

  it('repairs text that was mis-decoded twice', () => {
    expect(repair('the councilÃ¢â‚¬â„¢s vote').text).toBe('the council’s vote')
  })

  it('repairs windows-1251 words read as latin-1', () => {
    expect(repair('Ïðåçèäåíò çàÿâèë: talks go on').text).toBe('Президент заявил: talks go on')
    expect(repair('Ïðåçèäåíò', {cyrillic: false}).text).toBe('Ïðåçèäåíò')
  })

  it('reports each repair with the text before and after, at its place in the input', () => {
    const input = 'Line one.\nThe cafÃ© said â€œyesâ€\u009d.'
    const {file} = repair(input)
    const changes = file.data.changes ?? []
    expect(changes.map((change) => [change.before, change.after])).toEqual([
      ['Ã©', 'é'],
      ['â€œ', '“'],
      ['â€\u009d', '”'],
    ])
    for (const change of changes) {
      expect(input.slice(change.start, change.end)).toBe(change.before)
      expect(change.source).toBe('repair-mojibake')
    }
    const message = file.messages.find((m) => m.actual === 'Ã©')
    expect(message?.ruleId).toBe('utf8-letter-as-cp1252')
    expect(message?.expected).toEqual(['é'])
    expect(message?.line).toBe(2)
    expect(message?.fatal).toBeUndefined()
  })

  it('changes nothing in a dry run but still reports', () => {
    const {text, file} = runPlugins([repairMojibake], 'the cafÃ© opens', true)
    expect(text).toBe('the cafÃ© opens')
    expect(file.data.changes).toHaveLength(1)
  })
})

describe('repair-mojibake: leaves real text alone', () => {
  it.each([
    'Zoë Brontë met José Martínez, Björn Ångström and Dvořák in Kraków.',
    'PELÉ’s goals, JOSÉ” and the CAFÉ… all stay.',
    'AMANHÃ” she wrote, and IRMÃ– stays too.',
    'The Ørsted chief and the Ñandú reserve; São Tomé; Ærø; Þórr.',
    'Prices: £5, €6, ¥700, 25°C, ½ cup, © 2024, ® and ™.',
    'Quotes: «oui», „ja“, “yes”, ‘no’ — and an ellipsis…',
    'Français: à côté, élève, œuvre; Deutsch: Grüße, Mädchen…”',
    'Москва, Ελλάδα, 東京, 서울, مرحبا, שלום, 👩‍💻 and 🇺🇦.',
    'ÉCOLE, ÂGE, CHÂTEAU, ÎLE, ÔTER, ÛLE; ÄRGER, ÖL, ÜBER.',
  ])('%s', (input) => {
    const {text, file} = repair(input)
    expect(text).toBe(input)
    expect(file.messages).toHaveLength(0)
  })

  it('repairs a word-final ambiguous pair only when the text has sure mojibake too', () => {
    expect(repair('the word siÄ™').text).toBe('the word siÄ™')
    expect(repair('the cafÃ© and siÄ™').text).toBe('the café and się')
  })

  it('keeps a cp1251 candidate glued to plain letters', () => {
    expect(findCyrillicMojibake('naïveté and Ðóññêèé')).toHaveLength(1)
    expect(findCyrillicMojibake('xÏðåçèäåíò')).toHaveLength(0)
  })
})

describe('repair-mojibake: data and speed', () => {
  it('each data entry repairs its own example', () => {
    for (const entry of data.entries) {
      expect(repair(entry.example).text, entry.id).toBe(entry.fixed)
      expect(entry.source.length).toBeGreaterThan(0)
    }
  })

  it('scans ~1 MB of adversarial input in linear time', () => {
    const inputs = [
      'Ã'.repeat(1_000_000),
      'â€'.repeat(500_000),
      'ÃƒÂ'.repeat(333_333),
      'Ï'.repeat(1_000_000),
    ]
    for (const input of inputs) {
      const scan = timed(() => {
        let count = 0
        for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) > 0x7f) count++
        return count
      })
      const find = timed(() => {
        findUtf8Mojibake(input)
        findCyrillicMojibake(input)
      })
      // A linear scan in JS is ~1 ms a MB; anything quadratic takes minutes.
      expect(find).toBeLessThan(Math.max(2000, scan * 500))
    }
  })
})
