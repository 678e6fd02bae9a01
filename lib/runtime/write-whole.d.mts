export function writeWhole(file: string, data: string | Uint8Array): void;
