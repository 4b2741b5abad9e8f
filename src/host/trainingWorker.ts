/**
 * The training worker: owns the tfjs backend (WebGL through OffscreenCanvas, or the CPU/wasm)
 * and the trainers, and answers the page's requests (protocol.ts). Training here keeps the
 * page's main thread free for drawing: on the main thread every step's op dispatch held it for
 * ~20-50 ms here and frames stretched to 33-100 ms while training.
 */
import { LocalTrainers } from './localTrainers';
import { loseWebglContext, type BackendChoice } from '../backend/tfBackend';
import * as tf from '../engine/tf';
import type { RunTrainer } from '../engine/trainer';
import { RequestQueue } from './requestQueue';
import type { RequestKind, RequestMessage, WorkerEvent, WorkerRequests } from './protocol';

/** Requests answered in turn; dropQueuedTrains is answered by onmessage as it arrives. */
type QueuedKind = Exclude<RequestKind, 'dropQueuedTrains'>;

type Handlers = {
  [K in QueuedKind]: (
    args: WorkerRequests[K]['args'],
  ) => WorkerRequests[K]['result'] | Promise<WorkerRequests[K]['result']>;
};

const trainers = new Map<number, RunTrainer>();
let nextTrainerId = 1;
const local = new LocalTrainers();

function post(message: unknown): void {
  (self as unknown as Worker).postMessage(message);
}

/** Every backend started here is watched; the page hears of a lost context as an event. */
function watched(choice: BackendChoice): BackendChoice {
  local.watchContextLoss(() => post({ event: 'contextLost' } satisfies WorkerEvent));
  return choice;
}

function trainer(id: number): RunTrainer {
  const found = trainers.get(id);
  if (!found) throw new Error(`no trainer ${id} in the worker`);
  return found;
}

const handlers: Handlers = {
  startBackend: async ({ preferred }) => watched(await local.startBackend(preferred)),
  restartAfterContextLoss: async () => {
    // The lost context took every tensor with it; the trainers are rebuilt by the page.
    trainers.clear();
    return watched(await local.restartAfterContextLoss());
  },
  createTrainer: async ({ config }) => {
    const created = await local.createTrainer(config);
    const trainerId = nextTrainerId++;
    trainers.set(trainerId, created);
    return { trainerId, layers: created.layers };
  },
  train: async ({ trainerId, steps, ...options }) => {
    const found = trainer(trainerId);
    const result = await found.train(steps, options);
    return { ...result, step: found.step };
  },
  applyLiveSettings: ({ trainerId, config }) => {
    trainer(trainerId).applyLiveSettings(config);
    return null;
  },
  disposeTrainer: ({ trainerId }) => {
    trainers.get(trainerId)?.dispose();
    trainers.delete(trainerId);
    return null;
  },
  measureCells: ({ configs, steps }) => local.measureCells(configs, steps),
  numTensors: () => tf.memory().numTensors,
  loseWebglContext: () => loseWebglContext(),
};

/** Posts the reply to request `id`: what `work` gives, or its error. */
async function answer(id: number, work: () => unknown): Promise<void> {
  try {
    post({ id, ok: true, result: await work() });
  } catch (error) {
    post({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

/** A dropped chunk's reply: no steps, and where the trainer stands. */
function droppedChunk(trainerId: number): WorkerRequests['train']['result'] {
  const found = trainer(trainerId);
  return { steps: [], event: found.halted, testLoss: null, step: found.step };
}

// A rejection nobody handles leaves the trainers as unknown as an uncaught error does: rethrown,
// it reaches the page as one (the Worker's error event), and the page replaces this worker.
self.addEventListener('unhandledrejection', (event) => {
  throw event.reason;
});

/** Requests are answered in turn (see requestQueue.ts); Pause drops the chunks waiting. */
const queue = new RequestQueue();
self.onmessage = (message: MessageEvent<RequestMessage>) => {
  const { id, kind, args } = message.data;
  if (kind === 'dropQueuedTrains') {
    // Answered as it arrives: it must reach the chunks in the queue before they start.
    queue.dropWaiting();
    post({ id, ok: true, result: null });
    return;
  }
  const handle = () => answer(id, () => (handlers[kind] as (a: typeof args) => unknown)(args));
  if (kind === 'train') {
    const { trainerId } = args as WorkerRequests['train']['args'];
    void queue.run(handle, () => answer(id, () => droppedChunk(trainerId)));
  } else {
    void queue.run(handle);
  }
};
