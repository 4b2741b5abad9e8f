// The bench's command-line options beside the part flags (`--dist`, `--threads`, ...):
// `--name value` pairs read from process.argv, shared by every part that takes them.

/** The value after `--name` on the command line, or undefined. */
export function optionValue(name, argv = process.argv) {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/**
 * The items of `all` whose `key` is listed after `--name` (comma-separated), or all of them
 * without the option: `--backends webgl,cpu` and `--networks 8x32` narrow a run.
 */
export function chosenBy(name, all, key) {
  const wanted = optionValue(name)?.split(',');
  return wanted ? all.filter((x) => wanted.includes(key(x))) : all;
}
