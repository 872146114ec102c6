/**
 * Concurrency groups as GitHub keeps them, per repository and case-insensitive: one
 * holder runs and at most one waits. A newcomer always replaces the waiting one (which
 * ends cancelled); with `cancel-in-progress` it also cancels the running one, and runs
 * once that has stopped.
 */
import { interpolate, truthy, type Contexts } from './expressions.ts';
import { WorkflowError } from './errors.ts';

export type Admission = 'run' | 'cancelled';

export interface Concurrency {
  group: string;
  cancelInProgress: boolean;
}

interface Holder {
  /** Asks the running holder to stop. */
  cancel: () => void;
  admit: (admission: Admission) => void;
}

interface Group {
  running: Holder | null;
  pending: Holder | null;
}

/** A place in a group: `admission` settles when it may run or was replaced; `leave` when done. */
export interface Ticket {
  admission: Promise<Admission>;
  /** True while it waits behind the running holder. */
  waiting: () => boolean;
  leave: () => void;
}

/** `concurrency:` (a group name, or `group` and `cancel-in-progress`) evaluated; null when absent. */
export function concurrencyOf(value: unknown, contexts: Contexts, where: string): Concurrency | null {
  if (value === undefined || value === null) return null;
  const evaluated = interpolate(value, contexts);
  const spec = typeof evaluated === 'object' && evaluated !== null ? (evaluated as Record<string, unknown>) : { group: evaluated };
  const group = spec.group === undefined || spec.group === null ? '' : String(spec.group);
  if (group === '') throw new WorkflowError(`${where}: concurrency.group is empty`);
  return { group, cancelInProgress: truthy(spec['cancel-in-progress']) };
}

export class ConcurrencyGroups {
  private readonly groups = new Map<string, Group>();

  /** Joins `concurrency.group` of `repo`; `cancel` stops this holder when a newcomer cancels in progress. */
  enter(repo: string, concurrency: Concurrency, cancel: () => void): Ticket {
    const key = `${repo.toLowerCase()}\u0000${concurrency.group.toLowerCase()}`;
    const group = this.groups.get(key) ?? { running: null, pending: null };
    this.groups.set(key, group);
    let admit!: (admission: Admission) => void;
    const admission = new Promise<Admission>((resolve) => (admit = resolve));
    const holder: Holder = { cancel, admit };
    group.pending?.admit('cancelled');
    group.pending = null;
    if (concurrency.cancelInProgress) group.running?.cancel();
    if (group.running === null) {
      group.running = holder;
      admit('run');
    } else group.pending = holder;
    return {
      admission,
      waiting: () => group.pending === holder,
      leave: () => {
        if (group.pending === holder) {
          group.pending = null;
          holder.admit('cancelled');
        }
        if (group.running !== holder) return;
        group.running = group.pending;
        group.pending = null;
        group.running?.admit('run');
        if (group.running === null) this.groups.delete(key);
      },
    };
  }
}
