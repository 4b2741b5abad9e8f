/**
 * Saves a file made in the page: a Blob behind an object URL and a click on a detached anchor
 * with `download`, so nothing goes over the network.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has taken its copy once click() returns; a later revoke is only tidiness.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "gradscope-a-b-step120": which runs and how far, for every file the page exports. */
export function exportFileStem(letters: readonly string[], step: number): string {
  return `gradscope-${letters.join('-')}-step${step}`;
}
