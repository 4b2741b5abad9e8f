/**
 * The engine's single entry to tfjs: the core ops and their gradients only. The layers,
 * converter and data packages of the @tensorflow/tfjs bundle are never needed, and leaving them
 * out keeps the page's JavaScript small. Backends are registered by whoever runs the engine
 * (src/backend for the page, src/cli/nodeBackend.ts for Node).
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
