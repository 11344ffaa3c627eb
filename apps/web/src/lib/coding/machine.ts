/**
 * How busy the machine is, measured by the page in a worker of its own: the calibration loop (the same one
 * `bank:calibrate` times) runs there, apart from the candidate's code, which cannot reach it. The page keeps the
 * loop's best time; a confirmed time-out when the loop runs `BUSY_FACTOR` times slower than that is the
 * machine's, not the code's.
 */
import { CALIBRATION_LOOP_SOURCE, machineLoad, WARM_UP_SOURCE } from '@mockloop/question-bank/harness/calibration-loop';

const WORKER_SOURCE = `${CALIBRATION_LOOP_SOURCE}
${WARM_UP_SOURCE}
onmessage = () => postMessage(calibrationLoop());`;

export class MachineProbe {
  private worker: Worker | null = null;
  private best = Infinity;
  private queue: Promise<unknown> = Promise.resolve();

  private start(): Worker {
    this.worker ??= new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
    return this.worker;
  }

  /** The loop's time now, timed here from the request to the reply; one at a time. */
  measure(): Promise<number> {
    const next = this.queue.then(
      () =>
        new Promise<number>((resolve) => {
          const worker = this.start();
          const started = performance.now();
          worker.onmessage = () => {
            const ms = performance.now() - started;
            this.best = Math.min(this.best, ms);
            resolve(ms);
          };
          worker.postMessage(null);
        })
    );
    this.queue = next.catch(() => {});
    return next;
  }

  /** Times the loop twice (the first run in a new worker also starts it) to update its best time here. */
  async baseline(): Promise<void> {
    await this.measure();
    await this.measure();
  }

  /**
   * The loop timed now (the faster of two runs, so one preempted run does not say busy) against its best
   * here: how much slower, and whether the machine is busy.
   */
  async load(): Promise<{ slowdown: number; busy: boolean }> {
    const ms = Math.min(await this.measure(), await this.measure());
    return machineLoad(ms, this.best);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
