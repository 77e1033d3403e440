// heic-decode ships no types; this is the one call used (README of heic-decode 2.x).
declare module 'heic-decode' {
  export default function decode(input: {
    buffer: ArrayBufferLike | Uint8Array
  }): Promise<{ width: number; height: number; data: Uint8ClampedArray }>
}
