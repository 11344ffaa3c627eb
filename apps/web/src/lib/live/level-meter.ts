/** How loud each watched stream is now (RMS, 0…1), from an AudioContext analyser, reported a few times a second. */
export class LevelMeter {
  #context: AudioContext | null = null;
  #watched = new Map<string, { stop: () => void }>();

  watch(key: string, stream: MediaStream, report: (level: number) => void): void {
    this.stop(key);
    this.#context ??= new AudioContext();
    const context = this.#context;
    void context.resume().catch(() => {});
    // A call joined again on a reload starts without a click, and the browser keeps the context suspended (every
    // level 0, no dot ever lit) until the person's next click or key.
    if (context.state !== 'running') {
      const resume = () => void context.resume().catch(() => {});
      for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, resume, { once: true });
    }
    const source = this.#context.createMediaStreamSource(stream);
    const analyser = this.#context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      report(Math.sqrt(sum / samples.length));
    }, 100);
    this.#watched.set(key, {
      stop: () => {
        clearInterval(timer);
        source.disconnect();
      }
    });
  }

  stop(key: string): void {
    this.#watched.get(key)?.stop();
    this.#watched.delete(key);
  }

  close(): void {
    for (const key of [...this.#watched.keys()]) this.stop(key);
    void this.#context?.close().catch(() => {});
    this.#context = null;
  }
}
