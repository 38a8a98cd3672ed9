import { AppError, ErrorCode } from '../errors.js';

export function databaseUnavailable(): AppError {
  return new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'The graph database is not reachable right now; try again shortly.');
}

/**
 * Whether the database is known to be down, shared by every request of the process. While Neo4j starts, Bolt
 * accepts connections long before the database serves transactions, and the server holds each one until it does:
 * a request would hang there whatever the driver's timeouts. Once a statement has failed as unavailable, requests
 * wait at most `budgetMs` for one shared probe and fail with DATABASE_UNAVAILABLE if it has not answered; the first
 * probe that answers lets everything through again.
 */
export class Availability {
  private down = false;
  private probing: Promise<void> | undefined;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly budgetMs: number,
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  /** Resolves when a statement may be sent; throws DATABASE_UNAVAILABLE within the budget when it may not. */
  async admit(): Promise<void> {
    if (!this.down) return;
    this.probing ??= this.probe()
      .then(
        () => {
          this.down = false;
        },
        () => {},
      )
      .finally(() => {
        this.probing = undefined;
      });
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.budgetMs);
    });
    await Promise.race([this.probing, budget]);
    clearTimeout(timer);
    if (this.down) throw databaseUnavailable();
  }

  /** A statement found the server or database unreachable: the door closes until a probe answers. */
  markDown(): void {
    this.down = true;
  }
}
