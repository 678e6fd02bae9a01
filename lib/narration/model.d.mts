export type NeuralModel = {
  kind: "vits" | "kokoro";
  model: string;
  bytes: number;
  tokens: string;
  dataDir: string;
  voices: string;
};
export function findModel(dir: string): NeuralModel | Error;
