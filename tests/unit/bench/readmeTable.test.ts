import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  performanceMarkdown,
  replaceReadmeSection,
  type BenchBackendFigures,
  type BenchCompareFigures,
  type BenchComparePage,
  type BenchResults,
} from '../../../scripts/bench/readmeTable.mjs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** A small results file: webgl with app figures and a second network, cpu without app figures. */
function sample(): BenchResults & { webgl: BenchBackendFigures; cpu: BenchBackendFigures } {
  return {
    date: '2031-02-03T04:05:06.000Z',
    chromium: '999.0.1234.5',
    settings: { repetitions: 3, tensorSteps: 10_000 },
    backends: ['webgl', 'cpu'],
    webgl: {
      device: { name: 'webgl', floatBits: 32, renderer: 'Test GPU renderer' },
      network: 'net A, batch 8',
      bareStepsPerSec: 47.66,
      engineStepsPerSec: 25.94,
      appStepsPerSec: 23.41,
      engineOverBare: 0.9123,
      appOverEngine: 0.9612,
      appOverBare: 0.4912,
      frameP50Ms: 16.7,
      frameP95Ms: 18.2,
      frameP99Ms: 40,
      otherNetworks: {
        deep: {
          network: 'net B, batch 8',
          bareStepsPerSec: 15.84,
          engineStepsPerSec: 12.73,
          appStepsPerSec: 11.96,
          engineOverBare: 0.9036,
          appOverEngine: 0.9695,
          appOverBare: 0.7551,
          frameP50Ms: 16.2,
          frameP95Ms: 19.6,
        },
      },
    },
    cpu: {
      device: { name: 'cpu', floatBits: 32, renderer: null },
      network: 'net A, batch 8',
      bareStepsPerSec: 117,
      engineStepsPerSec: 106.04,
      appStepsPerSec: null,
      engineOverBare: 0.9563,
      appOverEngine: null,
      appOverBare: null,
      frameP50Ms: null,
      frameP95Ms: null,
      appNote: 'no app run on this backend',
      otherNetworks: {},
    },
    tensorsBefore: 62,
    tensorsAfter: 62,
    tensors: { backend: 'cpu', steps: 10_000 },
    heapMBAfter1k: 20,
    heapMBAfter100k: 21.9,
    heap: {
      ratio: 1.1,
      points: [
        { steps: 1000, heapMB: 20 },
        { steps: 1_000_000, heapMB: 21.9 },
      ],
    },
    bundleGzipKB: 357.2,
    bundleInitialGzipKB: 354.4,
    bundle: { totalGzipKB: 357.2, initialGzipKB: 354.4 },
    firstStepMs: 1404,
    firstStep: { backend: 'webgl', navigationToPlayMs: 612.4, playToStepMs: 791.6, totalMs: 1404 },
    sweepMap: { backend: 'wasm', cells: 256, seconds: 8.4, wallSeconds: 10.2 },
    somethingNew: { whatever: [1, 2, 3] },
  };
}

/** One compare page: lockstep steps/s for `runs` runs, total and ratio over `single` (1 run). */
function comparePage(runs: number, variants: string, lockstep: number, single: number) {
  return {
    runs,
    variants,
    lockstepStepsPerSec: lockstep,
    totalStepsPerSec: lockstep * runs,
    totalOverSingle: (lockstep * runs) / single,
    frameP50Ms: 16.7,
    frameP95Ms: 17.9,
    tensors: [
      { step: 120, count: 30 * runs },
      { step: 1130, count: 30 * runs },
    ],
    tensorsFlat: true,
  } satisfies BenchComparePage;
}

/** Compare figures for webgl and cpu: 1, 2 and 4 runs, every target met. */
function withCompare(): ReturnType<typeof sample> & {
  compare: Record<string, BenchCompareFigures>;
} {
  const pages = (single: number): BenchComparePage[] => [
    comparePage(1, '', single, single),
    comparePage(2, '&b.clip=globalNorm:1', single * 0.48, single),
    comparePage(4, '&b.clip=globalNorm:1&c.lr=0.01&d.init=heNormal', single * 0.235, single),
  ];
  const compare: Record<string, BenchCompareFigures> = {
    webgl: { network: 'net A, batch 8', pages: pages(48) },
    cpu: { network: 'net A, batch 8', pages: pages(140) },
  };
  return { ...sample(), compare };
}

/** The compare page of `runs` runs on `backend` in `results`. */
function pageOf(results: ReturnType<typeof withCompare>, backend: string, runs: number) {
  return results.compare[backend]!.pages!.find((p) => p.runs === runs)!;
}

/** Every markdown table row as its trimmed cells (separator rows left out). */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s:|-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

const row = (markdown: string, first: string, second?: string) => {
  const found = tableRows(markdown).filter(
    (cells) => cells[0] === first && (second === undefined || cells[1] === second),
  );
  expect(found, `one row "${first}${second ? ` / ${second}` : ''}"`).toHaveLength(1);
  return found[0]!;
};

/** The result cell of the targets row whose target starts with `prefix`. */
const targetResult = (markdown: string, prefix: string) => {
  const found = tableRows(markdown).filter((cells) => cells[0]!.startsWith(prefix));
  expect(found, `one target row "${prefix}"`).toHaveLength(1);
  return found[0]!.at(-1)!;
};
const status = (cell: string) =>
  /not met/.test(cell)
    ? 'not met'
    : /\bmet\b/.test(cell)
      ? 'met'
      : /n\/a/.test(cell)
        ? 'n/a'
        : cell;

describe('performanceMarkdown', () => {
  it('prints one row per backend x network carrying exactly the input figures, formatted', () => {
    const md = performanceMarkdown(sample());
    expect(row(md, 'backend')).toEqual([
      'backend',
      'network',
      'bare steps/s',
      'engine steps/s',
      'app steps/s',
      'engine/bare',
      'app/engine',
      'app/bare',
      'frame p50 / p95 ms',
    ]);
    expect(row(md, 'webgl', 'net A, batch 8')).toEqual([
      'webgl',
      'net A, batch 8',
      '47.7',
      '25.9',
      '23.4',
      '0.91',
      '0.96',
      '0.49',
      '17 / 18',
    ]);
    expect(row(md, 'webgl', 'net B, batch 8')).toEqual([
      'webgl',
      'net B, batch 8',
      '15.8',
      '12.7',
      '12.0',
      '0.90',
      '0.97',
      '0.76',
      '16 / 20',
    ]);
    const mainRows = tableRows(md).filter((cells) => ['webgl', 'cpu'].includes(cells[0]!));
    expect(mainRows).toHaveLength(3);
  });

  it('prints one recurrent row per backend x sequence length when measured, none otherwise', () => {
    expect(performanceMarkdown(sample())).not.toContain('recurrent network');
    const md = performanceMarkdown({
      ...sample(),
      recurrent: {
        wasm: {
          'rnn-T50': { network: 'tanh RNN, T = 50', stepsPerSec: 31.25 },
          'rnn-T200': { network: 'tanh RNN, T = 200', stepsPerSec: null },
        },
      },
    });
    expect(row(md, 'backend', 'recurrent network')).toEqual([
      'backend',
      'recurrent network',
      'engine steps/s',
    ]);
    expect(row(md, 'wasm', 'tanh RNN, T = 50')).toEqual(['wasm', 'tanh RNN, T = 50', '31.3']);
    expect(row(md, 'wasm', 'tanh RNN, T = 200')).toEqual(['wasm', 'tanh RNN, T = 200', 'n/a']);
  });

  it('shows n/a for a backend without app figures and gives its note', () => {
    const md = performanceMarkdown(sample());
    expect(row(md, 'cpu', 'net A, batch 8')).toEqual([
      'cpu',
      'net A, batch 8',
      '117.0',
      '106.0',
      'n/a',
      '0.96',
      'n/a',
      'n/a',
      'n/a',
    ]);
    expect(md).toContain('no app run on this backend');
  });

  it('states the date, the Chromium version and the devices from the results', () => {
    const md = performanceMarkdown(sample());
    const context = md.split('\n')[0]!;
    expect(context).toContain('2031-02-03');
    expect(context).toContain('Chromium 999.0.1234.5');
    expect(context).toContain('Test GPU renderer');
    expect(context).toContain('3 repetitions');
  });

  it('marks every target met when the figures meet it', () => {
    const md = performanceMarkdown(sample());
    for (const prefix of [
      'engine/bare',
      'app/engine',
      'frame p95',
      'live tensors',
      'heap',
      'initial bundle',
      'first trained step',
      '16 × 16 step-1 regime map',
    ]) {
      expect(status(targetResult(md, prefix)), prefix).toBe('met');
    }
  });

  it('marks a ratio below its target not met, including when only one row misses it', () => {
    const low = sample();
    low.webgl.otherNetworks!.deep!.engineOverBare = 0.89;
    expect(status(targetResult(performanceMarkdown(low), 'engine/bare'))).toBe('not met');

    const lowApp = sample();
    lowApp.webgl.appOverEngine = 0.94;
    expect(status(targetResult(performanceMarkdown(lowApp), 'app/engine'))).toBe('not met');

    const exact = sample();
    exact.webgl.engineOverBare = 0.9;
    exact.webgl.appOverEngine = 0.95;
    exact.webgl.frameP95Ms = 20;
    const md = performanceMarkdown(exact);
    expect(status(targetResult(md, 'engine/bare'))).toBe('met');
    expect(status(targetResult(md, 'app/engine'))).toBe('met');
    expect(status(targetResult(md, 'frame p95'))).toBe('met');
  });

  it('judges engine/bare with the distributions on against its own 0.75, where measured', () => {
    expect(status(targetResult(performanceMarkdown(sample()), 'distributions on'))).toBe('n/a');
    const measured = sample();
    measured.webgl.distributionsOverBare = 0.75;
    measured.cpu.distributionsOverBare = 0.95;
    expect(status(targetResult(performanceMarkdown(measured), 'distributions on'))).toBe('met');
    measured.webgl.otherNetworks!.deep!.distributionsOverBare = 0.74;
    expect(status(targetResult(performanceMarkdown(measured), 'distributions on'))).toBe('not met');
  });

  it('marks each other figure not met just past its target', () => {
    const cases: [string, (r: ReturnType<typeof sample>) => void][] = [
      ['frame p95', (r) => (r.webgl.frameP95Ms = 20.5)],
      ['live tensors', (r) => (r.tensorsAfter = 63)],
      ['heap', (r) => ((r.heap as { ratio: number }).ratio = 2.01)],
      ['initial bundle', (r) => (r.bundleInitialGzipKB = 450.5)],
      ['first trained step', (r) => (r.firstStepMs = 1501)],
      ['16 × 16 step-1 regime map', (r) => ((r.sweepMap as { seconds: number }).seconds = 10.1)],
    ];
    for (const [prefix, change] of cases) {
      const results = sample();
      change(results);
      expect(status(targetResult(performanceMarkdown(results), prefix)), prefix).toBe('not met');
    }
  });

  it('computes the heap ratio from the two heap figures when the results lack it', () => {
    const results = sample();
    delete results.heap;
    results.heapMBAfter1k = 10;
    results.heapMBAfter100k = 25;
    const md = performanceMarkdown(results);
    expect(row(md, 'heap within 2×, 1,000,000 steps')[1]).toContain('2.50');
    expect(status(targetResult(md, 'heap'))).toBe('not met');
  });

  it('puts the measured figures next to their targets', () => {
    const md = performanceMarkdown(sample());
    expect(row(md, 'live tensors flat')[1]).toMatch(/62 → 62 .*10,000 steps/);
    expect(row(md, 'heap within 2×, 1,000,000 steps')[1]).toMatch(/20\.0 MB .*21\.9 MB .*1\.10/);
    expect(row(md, 'initial bundle ≤ 450 KB gzip')[1]).toMatch(/354 KB initial, 357 KB total/);
    expect(row(md, 'first trained step ≤ 1.5 s')[1]).toMatch(
      /1404 ms .*Play 612 ms .*step 1 792 ms/,
    );
    expect(row(md, '16 × 16 step-1 regime map ≤ 10 s')[1]).toBe('8.4 s for 256 cells (wasm)');
  });

  it('does not call an unmeasured figure met', () => {
    const results = sample();
    results.webgl.appOverEngine = null;
    results.webgl.otherNetworks!.deep!.appOverEngine = null;
    delete results.firstStepMs;
    delete results.firstStep;
    const md = performanceMarkdown(results);
    expect(status(targetResult(md, 'app/engine'))).toBe('n/a');
    expect(status(targetResult(md, 'first trained step'))).toBe('n/a');
  });

  it('takes any backend the results list, such as wasm', () => {
    const results = sample();
    results.backends = ['webgl', 'cpu', 'wasm'];
    results.wasm = { network: 'net A, batch 8', bareStepsPerSec: 80.25, engineOverBare: 0.5 };
    const md = performanceMarkdown(results);
    expect(row(md, 'wasm', 'net A, batch 8').slice(2, 6)).toEqual(['80.3', 'n/a', 'n/a', '0.50']);
    expect(status(targetResult(md, 'engine/bare'))).toBe('not met');
  });

  it('renders a scheduling object as its own table and ignores other shapes', () => {
    const results = sample();
    results.scheduling = {
      setTimeout: { p50: 4.24, p95: 9.87, p99: 12.01, stepsPerSec: 21.46 },
      worker: { p50: 0.31, stepsPerSec: 30 },
      bogus: 'not an entry',
    };
    const md = performanceMarkdown(results);
    expect(row(md, 'setTimeout')).toEqual(['setTimeout', '21.5', '4.2', '9.9', '12.0']);
    expect(row(md, 'worker')).toEqual(['worker', '30.0', '0.3', 'n/a', 'n/a']);
    expect(md).not.toContain('bogus');

    const plain = performanceMarkdown(sample());
    for (const odd of [[1, 2], 'fast', 42, null, { a: 1 }, { a: { note: 'x' } }]) {
      expect(performanceMarkdown({ ...sample(), scheduling: odd })).toBe(plain);
    }
  });

  it('renders the work per step of the rows that have it, n/a for programs off WebGL', () => {
    const results = sample();
    results.webgl.stepWork = {
      bareKernels: 218,
      engineKernels: 265.1,
      barePrograms: 1247.1,
      enginePrograms: 1254.2,
    };
    results.cpu.stepWork = {
      bareKernels: 200,
      engineKernels: 230,
      barePrograms: null,
      enginePrograms: null,
    };
    const md = performanceMarkdown(results);
    expect(row(md, 'webgl, net A, batch 8')).toEqual([
      'webgl, net A, batch 8',
      '218 / 265',
      '1,247 / 1,254',
    ]);
    expect(row(md, 'cpu, net A, batch 8')).toEqual(['cpu, net A, batch 8', '200 / 230', 'n/a']);
    // The deep network has no stepWork: no row for it.
    expect(tableRows(md).some((cells) => cells[0] === 'webgl, net B, batch 8')).toBe(false);
    expect(performanceMarkdown(sample())).not.toContain('work per step');
  });

  it('prints one compare row per backend x page: lockstep and total steps/s, ratio, frames, tensors', () => {
    const md = performanceMarkdown(withCompare());
    expect(row(md, 'compare')).toEqual([
      'compare',
      'runs',
      'lockstep steps/s',
      'total steps/s',
      'total / 1 run',
      'frame p50 / p95 ms',
      'live tensors',
    ]);
    expect(row(md, 'webgl', '1')).toEqual([
      'webgl',
      '1',
      '48.0',
      '48.0',
      '1.00',
      '17 / 18',
      '30 → 30 over 1,010 steps',
    ]);
    expect(row(md, 'webgl', '4').slice(2, 5)).toEqual(['11.3', '45.1', '0.94']);
    expect(row(md, 'cpu', '2').slice(2, 5)).toEqual(['67.2', '134.4', '0.96']);
    const compareRows = tableRows(md).filter((cells) => /^[124]$/.test(cells[1] ?? ''));
    expect(compareRows.map((cells) => `${cells[0]} ${cells[1]}`)).toEqual([
      'webgl 1',
      'webgl 2',
      'webgl 4',
      'cpu 1',
      'cpu 2',
      'cpu 4',
    ]);
  });

  it('says what each compare page runs and how the total is counted', () => {
    const md = performanceMarkdown(withCompare());
    const intro = md.split('\n').find((line) => line.startsWith('Comparing runs'))!;
    expect(intro).toContain('net A, batch 8');
    expect(intro).toContain('1 run = A alone');
    expect(intro).toContain('2 runs = A + `b.clip=globalNorm:1`');
    expect(intro).toContain('4 runs = A + `b.clip=globalNorm:1&c.lr=0.01&d.init=heNormal`');
    expect(intro).toMatch(/total steps\/s = lockstep steps\/s × runs/);
    expect(performanceMarkdown(sample())).not.toContain('Comparing runs');
  });

  it('marks the compare targets met when every 2- and 4-run page meets them', () => {
    const md = performanceMarkdown(withCompare());
    expect(status(targetResult(md, 'compare total ≥ 0.90 × 1 run'))).toBe('met');
    expect(status(targetResult(md, 'compare frame p95 ≤ 20 ms'))).toBe('met');
    expect(status(targetResult(md, 'compare live tensors flat'))).toBe('met');
    expect(row(md, 'compare total ≥ 0.90 × 1 run')[1]).toMatch(/lowest 0\.94 \(webgl, 4 runs\)/);
    expect(row(md, 'compare live tensors flat')[1]).toBe('flat on 4 of 4 pages');
  });

  it('marks each compare target not met when one 2- or 4-run page misses it', () => {
    const cases: [string, (r: ReturnType<typeof withCompare>) => void][] = [
      ['compare total', (r) => (pageOf(r, 'cpu', 2).totalOverSingle = 0.89)],
      ['compare frame p95', (r) => (pageOf(r, 'webgl', 4).frameP95Ms = 20.5)],
      [
        'compare live tensors',
        (r) => {
          const page = pageOf(r, 'webgl', 2);
          page.tensors = [
            { step: 120, count: 60 },
            { step: 1130, count: 64 },
          ];
          page.tensorsFlat = false;
        },
      ],
    ];
    for (const [prefix, change] of cases) {
      const results = withCompare();
      change(results);
      expect(status(targetResult(performanceMarkdown(results), prefix)), prefix).toBe('not met');
    }
    const grew = withCompare();
    pageOf(grew, 'webgl', 2).tensors = [
      { step: 120, count: 60 },
      { step: 1130, count: 64 },
    ];
    pageOf(grew, 'webgl', 2).tensorsFlat = false;
    expect(row(performanceMarkdown(grew), 'compare live tensors flat')[1]).toBe(
      'webgl, 2 runs: 60 → 64 over 1,010 steps; flat on 3 of 4 pages',
    );
  });

  it('judges the compare targets on 2 and 4 runs only: the 1-run page is the reference', () => {
    const results = withCompare();
    pageOf(results, 'webgl', 1).frameP95Ms = 40;
    pageOf(results, 'webgl', 1).tensorsFlat = false;
    const md = performanceMarkdown(results);
    expect(status(targetResult(md, 'compare frame p95'))).toBe('met');
    expect(status(targetResult(md, 'compare live tensors'))).toBe('met');
  });

  it('calls compare targets n/a without compare figures and notes a backend not measured', () => {
    const plain = performanceMarkdown(sample());
    for (const prefix of ['compare total', 'compare frame p95', 'compare live tensors']) {
      expect(status(targetResult(plain, prefix)), prefix).toBe('n/a');
    }
    const results = withCompare();
    results.compare.cpu = { network: 'net A, batch 8', note: 'the page started webgl' };
    const md = performanceMarkdown(results);
    expect(md).toContain('- cpu: the page started webgl');
    expect(tableRows(md).some((cells) => cells[0] === 'cpu' && cells[1] === '2')).toBe(false);
  });

  it('comes out in Prettier shape, so a regenerated README stays lint-clean', async () => {
    const results = withCompare();
    results.scheduling = { setTimeout: { p50: 4, p95: 9, p99: 12, stepsPerSec: 21 } };
    results.webgl.stepWork = {
      bareKernels: 218,
      engineKernels: 265,
      barePrograms: 247,
      enginePrograms: 254,
    };
    const md = `${performanceMarkdown(results)}\n`;
    const config = (await resolveConfig('README.md')) ?? {};
    expect(await format(md, { ...config, parser: 'markdown' })).toBe(md);
  });
});

describe('replaceReadmeSection', () => {
  const before = '# Title\r\nintro ✓ with trailing space  \n\n## Performance\n\nprose\n\n';
  const after = '\nmore prose\n\n## Next\n\ntail without newline';
  const readme = `${before}${START}\nold table\n| a |\n${END}${after}`;

  it('replaces only what lies between the markers, keeping the rest byte for byte', () => {
    const out = replaceReadmeSection(readme, '| new |\n| --- |');
    expect(out.startsWith(`${before}${START}\n`)).toBe(true);
    expect(out.endsWith(`${END}${after}`)).toBe(true);
    expect(out).toContain('| new |');
    expect(out).not.toContain('old table');
    const middle = out.slice(before.length + START.length, out.length - END.length - after.length);
    expect(middle.trim()).toBe('| new |\n| --- |');
  });

  it('gives the same text when run again', () => {
    const once = replaceReadmeSection(readme, 'table');
    expect(replaceReadmeSection(once, 'table')).toBe(once);
  });

  it('throws a clear error when a marker is missing, repeated or out of order', () => {
    expect(() => replaceReadmeSection('# no markers\n', 'x')).toThrow(/bench:start/);
    expect(() => replaceReadmeSection(`a\n${START}\nb\n`, 'x')).toThrow(/bench:end/);
    expect(() => replaceReadmeSection(`a\n${END}\nb\n`, 'x')).toThrow(/bench:start/);
    expect(() => replaceReadmeSection(`${END}\n${START}\n`, 'x')).toThrow(/before/);
    expect(() => replaceReadmeSection(`${START}\n${START}\n${END}\n`, 'x')).toThrow(/2/);
  });
});
