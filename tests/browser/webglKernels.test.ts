/**
 * The engine's own WebGL kernels (src/backend/webglSumsOfSquares.ts, webglSegmentCounts.ts) can
 * only run in a browser: these tests drive them in the built page's main thread through the
 * bench harness.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DistributionsCheck, SumsOfSquaresCheck } from '../../src/bench/backendChecks';
import type { StepMetrics } from '../../src/engine/metrics';
import { openApp, serveBuiltApp } from './support/app';

const app = serveBuiltApp();

function callBench<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([fn, fnArgs]) => {
      const bench = (await window.__gradscope!.loadBench!()) as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      return bench[fn as string]!(...(fnArgs as unknown[]));
    },
    [name, args] as const,
  ) as Promise<T>;
}

/**
 * The kernel adds squares one by one in float32; over at most 2,048 terms of this size that
 * stays within 2e-5 of the float64 sum (the error bound grows with the count of terms).
 */
const SUM_TOLERANCE = 2e-5;

describe('the fused sums-of-squares kernel on WebGL', () => {
  // 3 textures per program: 51 tensors make about 18 groups, more than one program can merge.
  it.each([
    ['the device’s', undefined],
    ['a 3-per-program', 3],
  ])(
    'with %s texture limit, matches float64 sums on packed and unpacked tensors, NaN and overflow included',
    async (_, maxTextures) => {
      const { page, errors } = await openApp(app, '#layers=8x2');
      const check = await callBench<SumsOfSquaresCheck>(page, 'checkSumsOfSquares', maxTextures);
      expect(check.backend).toBe('webgl');
      expect(check.kernelRegistered).toBe(true);
      expect(check.kernelFailure).toBeNull();
      // Both storages and more tensors than one program takes, so grouping and reassembly run.
      expect(check.cases.filter((c) => c.packed).length).toBeGreaterThan(16);
      expect(check.cases.filter((c) => !c.packed).length).toBeGreaterThan(16);
      for (const c of check.cases) {
        if (typeof c.expected === 'string') {
          expect(c.fused, c.label).toBe(c.expected);
        } else {
          expect(typeof c.fused, c.label).toBe('number');
          const error = Math.abs((c.fused as number) - c.expected);
          expect(error, c.label).toBeLessThanOrEqual(SUM_TOLERANCE * c.expected + 1e-30);
        }
      }
      expect(check.cases.find((c) => c.label.startsWith('NaN'))?.fused).toBe('NaN');
      expect(check.cases.find((c) => c.label.startsWith('-Infinity'))?.fused).toBe('Infinity');
      expect(check.cases.find((c) => c.label.startsWith('overflowing'))?.fused).toBe('Infinity');
      // Segments with square roots: norms over unions of tensors of both storages.
      expect(check.segments.length).toBeGreaterThan(50);
      for (const segment of check.segments) {
        const label = `segment [${segment.segment.join(',')}]`;
        if (typeof segment.expected === 'string') {
          expect(segment.fused, label).toBe(segment.expected);
        } else {
          const error = Math.abs((segment.fused as number) - segment.expected);
          expect(error, label).toBeLessThanOrEqual(SUM_TOLERANCE * segment.expected + 1e-30);
        }
      }
      expect(check.segments.find((s) => s.segment.length === 0)?.fused).toBe(0);
      expect(check.tensorsLeaked).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('gives the same per-layer metrics as the CPU backend, for every clipping mode', async () => {
    const { page, errors } = await openApp(app, '#layers=8x2');
    const links = [
      '#layers=32x8&act=tanh&batch=64',
      '#layers=16x5&act=relu&bias=0&clip=globalNorm:0.5',
      '#layers=7x6&act=tanh&clip=tensorNorm:0.01&gscale=3',
      '#layers=9x4&act=sigmoid&clip=value:0.001&batch=5',
      // The deepest network the page allows: ~200 segments in one program (a nested shader
      // for that many once failed to compile: "Expression too complex").
      '#layers=3x64&act=tanh&clip=globalNorm:1&batch=8',
    ];
    const metricKeys = ['gradNorm', 'clippedGradNorm', 'signalNorm', 'weightNorm'] as const;
    for (const link of links) {
      const run = await callBench<{
        cpu: StepMetrics[];
        webgl: StepMetrics[];
        webglBackend: string;
        kernelFailure: string | null;
      }>(page, 'engineOnCpuAndWebgl', link, 5);
      expect(run.webglBackend).toBe('webgl');
      expect(run.kernelFailure, link).toBeNull();
      expect(run.webgl).toHaveLength(5);
      run.webgl.forEach((step, i) => {
        const cpu = run.cpu[i]!;
        expect(step.clipped, `${link} step ${step.step} clipped`).toBe(cpu.clipped);
        // Step 1 measures the same weights on both backends: only the order of float32 sums
        // differs (seen: under 1e-6). Later steps also carry each backend's rounding of the
        // updates, which the sigmoid and value-clip link amplifies (seen: 2e-4 by step 5).
        const tolerance = step.step === 1 ? 1e-5 : 1e-3;
        const close = (actual: number, want: number, what: string) =>
          expect(Math.abs(actual - want), `${link} step ${step.step} ${what}`).toBeLessThanOrEqual(
            tolerance * Math.abs(want) + 1e-9,
          );
        close(step.loss, cpu.loss, 'loss');
        close(step.globalNorm, cpu.globalNorm, 'globalNorm');
        close(step.clippedGlobalNorm, cpu.clippedGlobalNorm, 'clippedGlobalNorm');
        for (const key of metricKeys) {
          step[key].forEach((v, layer) => close(v, cpu[key][layer]!, `${key}[${layer}]`));
        }
      });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('measures the distributions in training as the CPU backend does: histograms of the values read back, saturation', async () => {
    const { page, errors } = await openApp(app, '#layers=8x3');
    for (const link of ['#layers=8x3&batch=16', '#layers=8x3&batch=16&act=relu&init=heNormal']) {
      const run = await callBench<{
        cpu: StepMetrics[];
        webgl: StepMetrics[];
        webglBackend: string;
      }>(page, 'engineOnCpuAndWebgl', link, 3, true);
      expect(run.webglBackend).toBe('webgl');
      run.webgl.forEach((step, i) => {
        const cpu = run.cpu[i]!;
        // The same values up to float32 rounding on each backend (see above): a value within
        // that of a bin edge may land on its other side, a rare event.
        for (const [quantity, layers] of Object.entries(step.histograms!)) {
          layers.forEach((counts, l) => {
            const want = cpu.histograms![quantity as keyof typeof cpu.histograms]![l]!;
            const total = (c: number[]) => c.reduce((a, b) => a + b, 0);
            expect(total(counts), `${link} ${quantity}[${l}]`).toBe(total(want));
            const moved = counts.reduce((sum, c, b) => sum + Math.abs(c - want[b]!), 0);
            expect(moved, `${link} step ${step.step} ${quantity}[${l}]`).toBeLessThanOrEqual(2);
          });
        }
        step.saturation!.forEach((share, l) => {
          const want = cpu.saturation![l]!;
          // At most two (example, unit) pairs of 16 x 8 on either side of the tanh threshold,
          // or one ReLU unit of 8 (a z of exactly 0 on one backend).
          const tolerance = link.includes('relu') ? 1 / 8 : 2 / (16 * 8);
          if (want === null) expect(share).toBeNull();
          else
            expect(Math.abs(share! - want), `${link} saturation[${l}]`).toBeLessThanOrEqual(
              tolerance,
            );
        });
      });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('counts the distributions exactly: histograms and saturation shares as a direct count of the values', async () => {
    const { page, errors } = await openApp(app, '#layers=8x2');
    const check = await callBench<DistributionsCheck>(page, 'checkDistributionsOnWebgl');
    expect(check.backend).toBe('webgl');
    expect(check.kernelFailure).toBeNull();
    expect(check.counts).toEqual(check.expected);
    // Every bin is exercised somewhere: zeros, each magnitude bin, non-finite values.
    const totals = check.expected.reduce((sum, counts) => sum.map((s, b) => s + counts[b]!));
    expect(totals.every((n) => n > 0)).toBe(true);
    check.saturation.forEach((share, t) =>
      expect(share, `tensor ${t}`).toBeCloseTo(check.expectedSaturation[t]!, 6),
    );
    expect(check.flat).toEqual(check.expectedFlat);
    expect(check.expectedDead.some((share) => share > 0)).toBe(true);
    check.dead.forEach((share, m) =>
      expect(share, `matrix ${m}`).toBeCloseTo(check.expectedDead[m]!, 6),
    );
    expect(check.tensorsLeaked).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
