import { describe, expect, it } from 'vitest';
import { chooseAutoBackend } from '../../../src/backend/autoBackend';

describe('the automatic backend', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  ])('picks wasm when WebGL is drawn in software: %s', (renderer) => {
    expect(chooseAutoBackend(renderer)).toEqual({ name: 'wasm', reason: 'softwareWebgl' });
  });

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
    'Apple M1',
  ])('keeps WebGL on a GPU: %s', (renderer) => {
    expect(chooseAutoBackend(renderer)).toEqual({ name: 'webgl', reason: 'hardwareWebgl' });
  });

  it('picks wasm without WebGL 2', () => {
    expect(chooseAutoBackend(null)).toEqual({ name: 'wasm', reason: 'noWebgl' });
  });
});
