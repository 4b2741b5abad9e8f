import { describe, expect, it } from 'vitest';
import { compareFigures, type AppSample } from '../../../scripts/bench/figures.mjs';

const NETWORK = { label: 'net A, batch 8', hash: '#layers=8x2' };

/** Repetitions at these lockstep rates, each with the given frame deltas. */
const reps = (rates: number[], frameDeltasMs: number[] = [16, 17, 18]): AppSample[] =>
  rates.map((stepsPerSec) => ({ stepsPerSec, frameDeltasMs }));

const flatTensors = (count: number) => [
  { step: 100, count },
  { step: 900, count },
];

function threePages() {
  return compareFigures(NETWORK, [
    { runs: 1, variants: '', samples: reps([40, 50, 60]), tensors: flatTensors(22) },
    {
      runs: 2,
      variants: '&b.clip=globalNorm:1',
      samples: reps([20, 24, 30]),
      tensors: flatTensors(44),
    },
    {
      runs: 4,
      variants: '&b.clip=globalNorm:1&c.lr=0.01&d.init=heNormal',
      samples: reps([13, 11, 12]),
      tensors: flatTensors(88),
    },
  ]);
}

describe('compareFigures', () => {
  it('counts total steps/s as the median lockstep steps/s times the runs', () => {
    const [one, two, four] = threePages().pages;
    expect([one!.lockstepStepsPerSec, two!.lockstepStepsPerSec, four!.lockstepStepsPerSec]).toEqual(
      [50, 24, 12],
    );
    expect([one!.totalStepsPerSec, two!.totalStepsPerSec, four!.totalStepsPerSec]).toEqual([
      50, 48, 48,
    ]);
  });

  it('gives each total over the 1-run total, from the medians', () => {
    const figures = threePages();
    expect(figures.pages.map((p) => p.totalOverSingle)).toEqual([1, 0.96, 0.96]);
    expect(figures.total2Over1).toBe(0.96);
    expect(figures.total4Over1).toBe(0.96);
    expect(figures.repetitions).toBe(3);
  });

  it('takes frame percentiles over every frame of every repetition', () => {
    const figures = compareFigures(NETWORK, [
      {
        runs: 1,
        variants: '',
        samples: [
          { stepsPerSec: 10, frameDeltasMs: Array(19).fill(16) },
          { stepsPerSec: 10, frameDeltasMs: [16, 100] },
        ],
        tensors: [],
      },
    ]);
    expect(figures.pages[0]!.frames).toBe(21);
    expect(figures.pages[0]!.frameP50Ms).toBe(16);
    expect(figures.pages[0]!.frameP95Ms).toBe(16);
    expect(figures.pages[0]!.frameP99Ms).toBeGreaterThan(16);
  });

  it('calls tensors flat only when every reading is equal, and unknown with one reading', () => {
    const page = (tensors: { step: number; count: number }[]) =>
      compareFigures(NETWORK, [{ runs: 2, variants: '&b', samples: reps([10]), tensors }]).pages[0]!
        .tensorsFlat;
    expect(page(flatTensors(44))).toBe(true);
    expect(
      page([
        { step: 100, count: 44 },
        { step: 500, count: 44 },
        { step: 900, count: 45 },
      ]),
    ).toBe(false);
    expect(page([{ step: 100, count: 44 }])).toBeNull();
  });

  it('has no ratio without a 1-run page', () => {
    const figures = compareFigures(NETWORK, [
      { runs: 2, variants: '&b', samples: reps([10]), tensors: [] },
    ]);
    expect(figures.pages[0]!.totalOverSingle).toBeNull();
    expect(figures.total2Over1).toBeNull();
  });
});
