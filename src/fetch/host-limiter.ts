/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and request starts
 * to the same host spaced by at least `intervalMs`. Waiters are served first come, first served.
 * Idle hosts are forgotten once their interval has passed, so the map stays as small as the set
 * of hosts currently being fetched.
 */

interface HostState {
  active: number;
  nextAt: number;
  queue: Array<() => void>;
  timer: NodeJS.Timeout | undefined;
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private closed = false;

  constructor(
    private readonly concurrency: number,
    private readonly intervalMs: number,
  ) {}

  /** Wait for a slot on `host`; call the returned function exactly once when done. */
  acquire(host: string): Promise<() => void> {
    if (this.closed) return Promise.reject(new Error('host limiter is closed'));
    let st = this.hosts.get(host);
    if (!st) {
      if (this.hosts.size >= 1024) this.sweep();
      st = { active: 0, nextAt: 0, queue: [], timer: undefined };
      this.hosts.set(host, st);
    }
    const state = st;
    return new Promise((resolve) => {
      state.queue.push(() => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          state.active--;
          this.pump(host, state);
        });
      });
      this.pump(host, state);
    });
  }

  /** Number of requests currently holding a slot on `host` (for tests and metrics). */
  active(host: string): number {
    return this.hosts.get(host)?.active ?? 0;
  }

  close(): void {
    this.closed = true;
    for (const st of this.hosts.values()) if (st.timer) clearTimeout(st.timer);
    this.hosts.clear();
  }

  /** Forget hosts with nothing in flight, nobody waiting and their interval passed. */
  private sweep(): void {
    const now = Date.now();
    for (const [h, st] of this.hosts) {
      if (st.active === 0 && st.queue.length === 0 && !st.timer && now >= st.nextAt) this.hosts.delete(h);
    }
  }

  private pump(host: string, st: HostState): void {
    if (this.closed) return;
    while (st.active < this.concurrency && st.queue.length > 0) {
      const now = Date.now();
      const wait = st.nextAt - now;
      if (wait > 0) {
        if (!st.timer) {
          st.timer = setTimeout(() => {
            st.timer = undefined;
            this.pump(host, st);
          }, wait);
        }
        return;
      }
      st.active++;
      st.nextAt = now + this.intervalMs;
      st.queue.shift()!();
    }
    if (st.active === 0 && st.queue.length === 0 && !st.timer && Date.now() >= st.nextAt) {
      this.hosts.delete(host);
    }
  }
}
