/**
 * Where focus goes next on the visit screen. Elements register under a key ("step:<id>:<step>",
 * "summary:<id>", "start", "back"...). A key not on screen yet (after an action the live query
 * renders a moment later) stays pending until `flush` finds it, after the next render.
 */
export class FocusKeeper {
  private readonly targets = new Map<string, HTMLElement>();
  private pending: string | null = null;
  private placed = false;

  /** A ref callback for `key`. */
  readonly register = (key: string) => (element: HTMLElement | null) => {
    if (element) this.targets.set(key, element);
    else if (this.targets.get(key) && !this.targets.get(key)?.isConnected) this.targets.delete(key);
  };

  /** Focuses `key` now when it is on screen, otherwise as soon as it is. */
  focus(key: string | null): void {
    const element = key ? this.live(key) : undefined;
    this.pending = element ? null : key;
    element?.focus();
  }

  /**
   * After a render: focuses the pending key if it arrived. When focus fell to the page (its element
   * left the screen), it goes to `fallback`, where the work continues.
   */
  flush(fallback: () => string | null): void {
    const element = this.pending ? this.live(this.pending) : undefined;
    if (element) {
      this.pending = null;
      element.focus();
    } else if (this.placed && this.pending === null && (document.activeElement === null || document.activeElement === document.body)) {
      const rescue = fallback();
      if (rescue) this.live(rescue)?.focus();
    }
  }

  /** The first placement of the screen, once. */
  placeOnce(key: string | null): void {
    if (this.placed) return;
    this.placed = true;
    this.focus(key);
  }

  private live(key: string): HTMLElement | undefined {
    const element = this.targets.get(key);
    return element?.isConnected ? element : undefined;
  }
}

/** Runs the screen's actions one after another, in the order the clerk gave them. */
export class ActionQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<Result>(action: () => Promise<Result>): Promise<Result> {
    const next = this.last.then(action, action);
    this.last = next.catch(() => undefined);
    return next;
  }
}
