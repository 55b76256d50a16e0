/** Checks for `Story.readyWhen`: what a person looks for on the canvas, by role and name. */
type Check = (canvas: HTMLElement) => boolean;

/** A button with exactly this text (an alert's "Try again", the editor's "Review changes"). */
export const hasButton = (name: string, within = ''): Check => (canvas) =>
  [...canvas.querySelectorAll(`${within} button`)].some((button) => button.textContent?.trim() === name);

/** The list with this accessible name shows at least one item. */
export const hasItems = (listName: string): Check => (canvas) => canvas.querySelector(`[aria-label="${listName}"] > li`) !== null;

/** Every check holds. */
export const every = (...checks: Check[]): Check => (canvas) => checks.every((check) => check(canvas));
