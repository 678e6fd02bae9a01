export type Pcm = { rate: number; samples: Int16Array };
export function compileFlite(): Promise<WebAssembly.Module>;
export function forFlite(text: string): string;
export function speak(
  wasm: WebAssembly.Module,
  voice: string,
  text: string,
  scratchIn?: string,
  keep?: unknown[],
): Pcm;
export function encodeMp3(pcm: Pcm, kbps: number): Buffer;
export function speakParts(say: (text: string) => Pcm, parts: string[], pause: number): Pcm;
