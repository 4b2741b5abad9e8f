import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer rules: the imports each folder of src must not make (README, "Project layout"). Patterns are
// gitignore-style and match relative imports from any depth, so `**/engine` catches both
// '../engine/trainer' and '../../engine/trainer'.
const TFJS = ['@tensorflow/*'];
const REACT = ['react', 'react/*', 'react-dom', 'react-dom/*'];
const ZUSTAND = ['zustand', 'zustand/*'];
const RECHARTS = ['recharts', 'recharts/*'];
/** An import of the src folder `name`, or of anything inside it, from any depth. */
const folder = (name) => [`**/${name}`, `**/${name}/**`];
/**
 * One rule per folder, so a file never falls under two: in a flat config a later block's options
 * for a rule replace an earlier block's rather than adding to them.
 */
const forbidImports = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const layerRules = [
  forbidImports(
    ['src/config/**', 'src/data/**', 'src/random/**'],
    [
      {
        group: [...TFJS, ...folder('engine'), ...folder('backend')],
        message:
          'config, data and random are plain data and pure functions shared by the page, the ' +
          'worker and the CLI: they never load tfjs (engine and backend do). Put a tf-free ' +
          'constant the engine needs here instead.',
      },
      {
        group: [
          ...REACT,
          ...ZUSTAND,
          ...RECHARTS,
          ...folder('store'),
          ...folder('ui'),
          ...folder('worker'),
          ...folder('session'),
          ...folder('host'),
        ],
        message:
          'config, data and random sit below every other layer: they know nothing of React, ' +
          'stores, the UI, the session or where training runs.',
      },
    ],
  ),
  forbidImports(
    ['src/engine/**'],
    [
      {
        group: [...REACT, ...ZUSTAND, ...RECHARTS, ...folder('store'), ...folder('ui')],
        message:
          'engine builds and trains a network from a config, in the browser and in Node alike: ' +
          'no React, no stores, no UI.',
      },
      {
        group: [...folder('worker'), ...folder('session'), ...folder('host')],
        message:
          'engine knows nothing of workers, queues or the session that schedules it: those call ' +
          'the engine, never the other way round.',
      },
    ],
  ),
  forbidImports(
    ['src/ui/**'],
    [
      {
        group: TFJS,
        message:
          'ui never touches tensors, not even their types: tfjs loads with the training code in ' +
          'a lazy chunk, and the first-load chunk holds none of it (tests/browser/firstLoad).',
      },
      {
        group: [...folder('engine'), ...folder('backend'), ...folder('worker'), ...folder('host')],
        // Type-only imports are erased when compiled and carry no tfjs into the bundle, so ui
        // may name the plain data shapes the engine produces (StepMetrics, LayerInfo).
        allowTypeImports: true,
        message:
          'ui reads stores and calls session actions; a value import from engine, backend, ' +
          'worker or host pulls tfjs into the first-load chunk. Use `import type`, or move a ' +
          'tf-free value into config.',
      },
    ],
  ),
  forbidImports(
    ['src/session/**'],
    [
      {
        group: [...REACT, ...RECHARTS, ...folder('ui')],
        message:
          'session owns the runs and schedules training; it publishes what happened through a ' +
          'sink and knows nothing of React, charts or components.',
      },
      {
        group: TFJS,
        message: 'session never touches tensors: the engine does, behind a host.',
      },
      {
        group: folder('engine'),
        // Types are erased and carry no tfjs (see the ui rule above).
        allowTypeImports: true,
        message:
          'session reaches the engine only through a host (worker or main thread), so tfjs stays ' +
          'out of the first-load chunk. `import type` of the engine data shapes is fine.',
      },
    ],
  ),
  forbidImports(
    ['src/host/**'],
    [
      {
        group: [...REACT, ...folder('ui'), ...folder('store'), ...folder('session')],
        message:
          'host runs trainers (in the worker or on the main thread) for the session above it: ' +
          'it answers requests and knows nothing of React, the UI, stores or the session.',
      },
    ],
  ),
];

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-*/', 'node_modules/', 'screenshots/', 'test-results/', 'bench/tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...layerRules,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
