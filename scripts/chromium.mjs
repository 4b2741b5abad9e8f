// How every script and test here launches the system Chromium (see ../shared/machine.md): the
// Debian binary, SwiftShader WebGL kept on, and no background network chatter (no internet here).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
