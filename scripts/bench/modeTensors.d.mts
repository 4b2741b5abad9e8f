export function modeFlat(counted: {
  beforeTrainers: number;
  afterDispose: number;
  readings: { step: number; count: number }[];
}): boolean;
