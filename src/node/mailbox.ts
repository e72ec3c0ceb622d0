/** Messages in arrival order, for a side that waits for the next one (the threads of a split declaratie). */
export class Mailbox<T> {
  private readonly inbox: T[] = [];
  private readonly waiting: ((message: T) => void)[] = [];

  put(message: T): void {
    const wait = this.waiting.shift();
    if (wait) wait(message);
    else this.inbox.push(message);
  }

  take(): Promise<T> {
    if (this.inbox.length > 0) return Promise.resolve(this.inbox.shift()!);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
