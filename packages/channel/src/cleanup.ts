/** Collects teardown steps where resources are created; `run()` executes them once, last first. */
export class Cleanup {
  #steps: (() => void)[] = [];
  #done = false;

  add(step: () => void): void {
    if (this.#done) step();
    else this.#steps.push(step);
  }

  run(): void {
    if (this.#done) return;
    this.#done = true;
    for (const step of this.#steps.reverse()) {
      try {
        step();
      } catch {
        // A failed teardown step (e.g. closing an already-closed port) must not stop the others.
      }
    }
    this.#steps = [];
  }
}
