export interface AlarmTone {
  play(): void
}

/** Two falling two-tone beeps, like a pager: about a second, unmistakable, not a siren. */
const BEEPS: readonly { hz: number; startS: number }[] = [
  { hz: 880, startS: 0 },
  { hz: 660, startS: 0.2 },
  { hz: 880, startS: 0.5 },
  { hz: 660, startS: 0.7 },
]
const BEEP_S = 0.16

/**
 * A tone made with the Web Audio API, so no sound file is shipped. The AudioContext is created on the
 * first play: browsers only start audio after a user gesture, and a duty officer has clicked by then.
 */
export function createAlarmTone(): AlarmTone {
  let ctx: AudioContext | null = null
  return {
    play() {
      if (typeof AudioContext === 'undefined') return
      ctx ??= new AudioContext()
      if (ctx.state === 'suspended') void ctx.resume()
      const t0 = ctx.currentTime + 0.02
      for (const { hz, startS } of BEEPS) {
        const osc = ctx.createOscillator()
        const gain = ctx.createGain()
        osc.type = 'square'
        osc.frequency.value = hz
        // A short attack and release: square waves click when started or stopped at full volume.
        gain.gain.setValueAtTime(0, t0 + startS)
        gain.gain.linearRampToValueAtTime(0.15, t0 + startS + 0.01)
        gain.gain.setValueAtTime(0.15, t0 + startS + BEEP_S - 0.02)
        gain.gain.linearRampToValueAtTime(0, t0 + startS + BEEP_S)
        osc.connect(gain).connect(ctx.destination)
        osc.start(t0 + startS)
        osc.stop(t0 + startS + BEEP_S)
      }
    },
  }
}
