export const LIMIT_FRAME_P95_MS: number;
export function limitSettingTable(limitSetting: unknown): string | null;
export function scalingTables(scaling: unknown): string[];
