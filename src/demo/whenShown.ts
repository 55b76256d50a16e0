/**
 * Calls `then` once `check()` holds, looking again after every change under `root` (a
 * MutationObserver, not a timer: it reacts to what the page shows, however slow the machine).
 * Returns the function that stops looking.
 */
export function watchUntil(root: Node, check: () => boolean, then: () => void): () => void {
  if (check()) {
    then();
    return () => {};
  }
  const observer = new MutationObserver(() => {
    if (!check()) return;
    observer.disconnect();
    then();
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return () => observer.disconnect();
}

/** Resolves once `check()` holds (see `watchUntil`). */
export function whenShown(root: Node, check: () => boolean): Promise<void> {
  return new Promise((resolve) => watchUntil(root, check, resolve));
}
