export const DEEP_FRAME_P95_MS: number;
export const MODE_TENSOR_STEPS: number;
export function modeTensorsTable(modeTensors: unknown): string | null;
export function modeTensorsTarget(modeTensors: unknown): { measured: string; ok: boolean | null };
export function deepFramesTable(deepFrames: unknown): string | null;
export function deepFramesTarget(deepFrames: unknown): { measured: string; ok: boolean | null };
