// Turns repeated samples into the reported figures: medians, ratios, frame-time percentiles,
// and which fixed readback interval stands for the engine as the page drives it.
import { median, percentile, ratio, round3 } from './stats.mjs';

/** The measured readback interval closest (in ratio) to the page's. */
function closestInterval(intervals, target) {
  if (target == null) return intervals[0];
  const distance = (k) => Math.abs(Math.log(k / target));
  return intervals.reduce((best, k) => (distance(k) < distance(best) ? k : best));
}

/**
 * Figures for one network on one backend. `samples` holds per-repetition results:
 * bare[], engine[k][], distributions[] (the engine with the distributions on, at readback
 * `distributionsStepsPerReadback`), app[] (each {stepsPerSec, ...}); `appNote` explains a
 * missing app.
 */
export function networkFigures(network, stepsPerMeasurement, samples, appNote) {
  const rates = (list) => list.map((s) => s.stepsPerSec);
  const intervals = Object.keys(samples.engine).map(Number);
  const engineRate = Object.fromEntries(
    intervals.map((k) => [k, median(rates(samples.engine[k]))]),
  );
  const bare = median(rates(samples.bare));
  const distributionList = samples.distributions ?? [];
  const distributions = distributionList.length > 0 ? median(rates(distributionList)) : null;
  const distributionsReadback = samples.distributionsStepsPerReadback ?? null;
  const app = samples.app.length > 0 ? median(rates(samples.app)) : null;
  const appReadback = median(samples.app.map((s) => s.stepsPerReadback ?? NaN));
  // Steps per readback the app used at full speed; without an app figure the engine stands at
  // the shortest interval measured.
  const page = { value: Number.isNaN(appReadback) ? null : appReadback };
  const chosen = closestInterval(intervals, page.value);
  const engine = engineRate[chosen];
  const frames = samples.app.flatMap((s) => s.frameDeltasMs);
  const figures = {
    network: network.label,
    hash: network.hash,
    stepsPerMeasurement,
    repetitions: samples.bare.length,
    bareStepsPerSec: round3(bare),
    ...Object.fromEntries(intervals.map((k) => [`engine${k}StepsPerSec`, round3(engineRate[k])])),
    engineStepsPerReadback: chosen,
    engineStepsPerSec: round3(engine),
    appStepsPerSec: round3(app),
    pageStepsPerReadback: round3(page.value),
    engineOverBare: round3(ratio(engine, bare)),
    distributionsStepsPerReadback: distributionsReadback,
    distributionsStepsPerSec: round3(distributions),
    distributionsOverBare: round3(ratio(distributions, bare)),
    distributionsOverEngine: round3(
      ratio(
        distributions,
        distributionsReadback == null ? null : engineRate[distributionsReadback],
      ),
    ),
    appOverEngine: round3(ratio(app, engine)),
    appOverBare: round3(ratio(app, bare)),
    frameP50Ms: round3(percentile(frames, 50)),
    frameP95Ms: round3(percentile(frames, 95)),
    frameP99Ms: round3(percentile(frames, 99)),
    frameMaxMs: round3(percentile(frames, 100)),
    frames: frames.length,
    samples: {
      bare: rates(samples.bare).map(round3),
      ...Object.fromEntries(
        intervals.map((k) => [`engine${k}`, rates(samples.engine[k]).map(round3)]),
      ),
      distributions: rates(distributionList).map(round3),
      app: rates(samples.app).map(round3),
    },
    finalLoss: {
      bare: round3(median(samples.bare.map((s) => s.finalLoss))),
      engine: round3(median(samples.engine[chosen].map((s) => s.finalLoss))),
    },
    tensorsLeakedPerRun: Math.max(
      ...samples.bare.map((s) => s.tensorsLeaked),
      ...intervals.flatMap((k) => samples.engine[k].map((s) => s.tensorsLeaked)),
      ...distributionList.map((s) => s.tensorsLeaked),
    ),
  };
  if (appNote) figures.appNote = appNote;
  return figures;
}

/**
 * Figures for the compare pages of one backend. `pages` holds, per page, {runs, variants,
 * samples: app measurements (lockstep steps/s and frame deltas), tensors: [{step, count}]}; the
 * 1-run page is the reference for the ratios. Total steps/s = lockstep steps/s x runs, from the
 * median of the repetitions; tensors are flat when every reading is equal (null with fewer
 * than two readings).
 */
export function compareFigures(network, pages) {
  const total = (page) => {
    const lockstep = median(page.samples.map((s) => s.stepsPerSec));
    return lockstep == null ? null : lockstep * page.runs;
  };
  const single = pages.find((p) => p.runs === 1);
  const singleTotal = single ? total(single) : null;
  const figures = pages.map((page) => {
    const frames = page.samples.flatMap((s) => s.frameDeltasMs);
    const counts = page.tensors.map((t) => t.count);
    return {
      runs: page.runs,
      variants: page.variants,
      lockstepStepsPerSec: round3(median(page.samples.map((s) => s.stepsPerSec))),
      totalStepsPerSec: round3(total(page)),
      totalOverSingle: round3(ratio(total(page), singleTotal)),
      frameP50Ms: round3(percentile(frames, 50)),
      frameP95Ms: round3(percentile(frames, 95)),
      frameP99Ms: round3(percentile(frames, 99)),
      frames: frames.length,
      samples: page.samples.map((s) => round3(s.stepsPerSec)),
      tensors: page.tensors.map((t) => ({ step: t.step, count: t.count })),
      tensorsFlat: counts.length < 2 ? null : counts.every((c) => c === counts[0]),
    };
  });
  return {
    network: network.label,
    hash: network.hash,
    repetitions: Math.max(0, ...pages.map((p) => p.samples.length)),
    pages: figures,
    ...Object.fromEntries(
      figures.filter((f) => f.runs !== 1).map((f) => [`total${f.runs}Over1`, f.totalOverSingle]),
    ),
  };
}
