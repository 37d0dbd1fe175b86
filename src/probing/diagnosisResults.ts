import type { Diagnosis, FindingSeverity } from '../diagnose';
import type { CertificateObject } from '../domain/objectHealth';

/** One object's last diagnosis, with what the panel and the tree say about it. */
export interface DiagnosisRecord {
  /** Findings worst first, as the engine sorts them. */
  readonly diagnosis: Diagnosis;
  /** The engine's one sentence on where the diagnosis leaves the object. */
  readonly summary: string;
  readonly worst: FindingSeverity;
  /** When the checks ran (ms). */
  readonly checkedAt: number;
  /** The DNS servers asked, as `address:port`. */
  readonly servers: readonly string[];
  /** What the API said of the object when it was diagnosed (diagnosisBasis): a change means the diagnosis may be out of date. */
  readonly basis: string;
  /** API facts that could not be had (`GET /ips`, the DCV delegation UUID): why some checks could not tell. */
  readonly apiErrors: readonly string[];
}

type Listener = (objectKeys: readonly string[]) => void;

/**
 * What the API says of an object that a diagnosis depends on: its statuses and the
 * records it asks for. When a refresh changes it, the last diagnosis answered another
 * question, so the panel diagnoses again.
 */
export function diagnosisBasis(item: CertificateObject): string {
  switch (item.kind) {
    case 'certificatePack':
      return JSON.stringify([item.object.status, item.object.validation_method, item.object.validation_records ?? [], item.object.dcv_delegation_records ?? []]);
    case 'customHostname': {
      const { ssl } = item.object;
      return JSON.stringify([item.object.status, ssl?.status, ssl?.method, ssl?.validation_records ?? [], ssl?.dcv_delegation_records ?? [], item.object.ownership_verification ?? null, item.object.ownership_verification_http ?? null]);
    }
    default:
      return item.kind;
  }
}

/**
 * The last diagnosis per object (see objectRef.ts's objectKey), for the lifecycle panel's
 * Diagnosis section and the tree's tooltips and badges; and which objects are being
 * diagnosed now. In memory only, like probe results: DNS moves on, an old answer misleads.
 */
export class DiagnosisResults {
  private readonly byObject = new Map<string, DiagnosisRecord>();
  private readonly running = new Map<string, number>();
  private readonly listeners = new Set<Listener>();

  get(objectKey: string): DiagnosisRecord | undefined {
    return this.byObject.get(objectKey);
  }

  /** Objects with a diagnosis, for the tree's decorations. */
  keys(): string[] {
    return [...this.byObject.keys()];
  }

  isRunning(objectKey: string): boolean {
    return (this.running.get(objectKey) ?? 0) > 0;
  }

  /** Marks objects as being diagnosed until the returned function is called. */
  start(objectKeys: readonly string[]): () => void {
    for (const key of objectKeys) this.running.set(key, (this.running.get(key) ?? 0) + 1);
    this.fire(objectKeys);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      for (const key of objectKeys) {
        const left = (this.running.get(key) ?? 1) - 1;
        if (left <= 0) this.running.delete(key);
        else this.running.set(key, left);
      }
      this.fire(objectKeys);
    };
  }

  record(objectKey: string, record: DiagnosisRecord): void {
    this.byObject.set(objectKey, record);
    this.fire([objectKey]);
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(keys: readonly string[]): void {
    for (const listener of [...this.listeners]) listener(keys);
  }
}
