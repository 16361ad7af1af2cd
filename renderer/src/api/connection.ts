/**
 * Whether the data server is answering. When a call cannot reach it (the server was stopped, the
 * laptop slept), the page says so in words and keeps trying; when it answers again, everything
 * shown is read afresh.
 */
type Listener = (online: boolean) => void;

class Connection {
  private state = true;
  private readonly listeners = new Set<Listener>();
  private retry: ReturnType<typeof setInterval> | null = null;
  private probe: (() => Promise<boolean>) | null = null;

  get online(): boolean {
    return this.state;
  }

  /** A call got through. */
  reached(): void {
    this.set(true);
  }

  /** A call could not reach the server: try again every few seconds until it answers. */
  lost(probe: () => Promise<boolean>): void {
    this.probe = probe;
    this.set(false);
    this.retry ??= setInterval(() => {
      void this.probe?.().then((ok) => ok && this.set(true));
    }, 3000);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(online: boolean): void {
    if (online && this.retry) {
      clearInterval(this.retry);
      this.retry = null;
    }
    if (online === this.state) return;
    this.state = online;
    for (const l of this.listeners) l(online);
  }
}

export const connection = new Connection();
