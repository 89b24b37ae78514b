import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';

/** Counts requests being handled, so a shutdown can wait for them instead of cutting them off. */
export class InFlightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];

  get size() {
    return this.count;
  }
  enter() {
    this.count++;
  }
  leave() {
    this.count--;
    if (this.count === 0) this.waiters.splice(0).forEach((resolve) => resolve());
  }

  /** Resolves when nothing is in flight, or after `timeoutMs` (returns whether it drained). */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

@Injectable()
export class InFlightInterceptor implements NestInterceptor {
  constructor(private readonly tracker: InFlightTracker) {}
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.tracker.enter();
    return next.handle().pipe(finalize(() => this.tracker.leave()));
  }
}
