import { parseDuration } from '../scenario/time';
import { statusOf, type Located, type SimulatorState, type StatusChange, type StatusField } from '../state/simulatorState';
import { earliestExpiry } from './certificateMaterial';
import { MinHeap } from './minHeap';
import { nextStatus, stepOverrideMs } from './transitions';

const defaultStepMs = 60_000;
const renewalWindowMs = 30 * 86_400_000;
const caaError = 'Issuance blocked by a CAA error: CAA records block issuance for this domain (caa_error).';

type Entry =
  | { due: number; type: 'step'; located: Located; field: StatusField; from: string; to: string }
  | { due: number; type: 'event'; located: Located; field: StatusField; to: string }
  | { due: number; type: 'renew' | 'expire'; located: Located; expiry: number };

/**
 * Moves objects through their statuses as the simulator's clock runs. Due transitions sit
 * in a heap, so serving a request costs one peek when nothing is due, whatever the
 * account's size. Any status change (a write, a test, a transition) reschedules the object.
 */
export class LifecycleEngine {
  private readonly heap = new MinHeap<Entry>((entry) => entry.due);
  private ticking = false;
  /** While a due entry fires, its due time: what follows is timed from when it should have happened. */
  private firingAt: number | undefined;

  constructor(
    private readonly state: SimulatorState,
    private readonly now: () => number,
  ) {
    state.onStatusChange((change) => this.changed(change));
    const start = now();
    for (const located of state.everything()) {
      this.scheduleStep(located, 'status');
      if (located.kind === 'customHostname') this.scheduleStep(located, 'ssl.status');
      this.scheduleExpiry(located);
      for (const event of located.object.sim?.events ?? []) {
        const field = event.field ?? 'status';
        this.push({ due: start + (parseDuration(event.after) ?? 0), type: 'event', located, field, to: event.status });
      }
    }
  }

  /** Applies every transition that is due; cheap when nothing is. */
  tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.now();
      for (let entry = this.heap.peek(); entry !== undefined && entry.due <= now; entry = this.heap.peek()) {
        this.heap.pop();
        this.firingAt = entry.due;
        try {
          this.fire(entry, now);
        } finally {
          this.firingAt = undefined;
        }
      }
    } finally {
      this.ticking = false;
    }
  }

  /** Makes an object's next step due now: `?retry=true` and same-method rechecks. */
  expedite(located: Located, field: StatusField = 'status'): void {
    this.scheduleStep(located, field, 0);
  }

  private push(entry: Entry): void {
    this.heap.push(entry);
  }

  private changed(change: StatusChange): void {
    this.scheduleStep(change, change.field);
    if (change.to === 'active') this.scheduleExpiry(change);
  }

  private scheduleStep(located: Located, field: StatusField, delayMs?: number): void {
    const sim = located.object.sim;
    const path = sim?.path ?? 'advance';
    if (path === 'hold') return;
    const from = statusOf(located.object, field);
    const to = nextStatus(located.kind, field, path, from);
    if (to === undefined) return;
    const step = delayMs ?? stepOverrideMs(located.kind, field, from) ?? (sim?.stepSeconds ?? defaultStepMs / 1000) * 1000;
    this.push({ due: (this.firingAt ?? this.now()) + step, type: 'step', located, field, from, to });
  }

  private scheduleExpiry(located: Located): void {
    if (located.kind !== 'pack' && located.kind !== 'customCertificate') return;
    if (statusOf(located.object) !== 'active') return;
    const expiry = earliestExpiry(located.object);
    if (expiry === undefined) return;
    if (located.kind === 'pack' && located.object.sim?.renewal !== undefined) {
      this.push({ due: Math.max(this.firingAt ?? this.now(), expiry - renewalWindowMs), type: 'renew', located, expiry });
    }
    this.push({ due: expiry, type: 'expire', located, expiry });
  }

  private fire(entry: Entry, now: number): void {
    const { located } = entry;
    if (entry.type === 'event') {
      this.state.setStatus(located, entry.to, entry.field);
      return;
    }
    if (entry.type === 'step') {
      // Stale when something else changed the status since this step was scheduled.
      if (statusOf(located.object, entry.field) !== entry.from) return;
      const zoneActive = located.zone.api['status'] === 'active';
      const to = located.kind === 'customCertificate' && entry.to === 'active' && !zoneActive ? 'pending' : entry.to;
      this.state.setStatus(located, to, entry.field);
      return;
    }
    if (earliestExpiry(located.object) !== entry.expiry) return;
    const status = statusOf(located.object);
    if (entry.type === 'renew' && status === 'active') {
      if (located.object.sim?.renewal === 'fail') {
        located.object['validation_errors'] = [{ message: caaError }];
        located.object.sim = { ...located.object.sim, path: 'hold' };
        this.state.setStatus(located, 'pending_issuance');
      } else {
        this.state.setStatus(located, 'pending_deployment');
      }
    } else if (entry.type === 'expire' && entry.expiry <= now && ['active', 'pending_issuance', 'pending_expiration'].includes(status)) {
      this.state.setStatus(located, 'expired');
    }
  }
}
