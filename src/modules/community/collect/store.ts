/**
 * The phone's storage for the collect app (browser only): IndexedDB stores for the downloaded
 * data, drafts, the queue of submissions waiting to be sent, and what the server answered.
 */
import type { Answers } from "../forms/definition.ts";
import type { SyncItem } from "./payload.ts";

export interface Draft {
  /** `<formId>:<householdId>` */
  key: string;
  formId: number;
  householdId: number;
  answers: Answers;
  /** Photo answers name their pictures here. */
  photos: Record<string, Blob>;
  baseVersion: number;
  updatedAt: string;
}

export interface Queued {
  clientId: string;
  item: SyncItem;
  photos: Record<string, Blob>;
  queuedAt: string;
}

export interface Sent {
  clientId: string;
  item: SyncItem;
  status: string;
  id?: number;
  reason?: string;
  at: string;
}

type StoreName = "kv" | "drafts" | "queue" | "sent";
const KEYS: Record<StoreName, string> = {
  kv: "key",
  drafts: "key",
  queue: "clientId",
  sent: "clientId",
};

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The collect app's database on this phone (one per tambon). */
export class Store {
  private constructor(private readonly db: IDBDatabase) {}

  static open(name: string): Promise<Store> {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      for (const [store, keyPath] of Object.entries(KEYS))
        if (!r.result.objectStoreNames.contains(store))
          r.result.createObjectStore(store, { keyPath });
    };
    return request(r).then((db) => new Store(db));
  }

  private tx(store: StoreName, mode: IDBTransactionMode): IDBObjectStore {
    return this.db.transaction(store, mode).objectStore(store);
  }

  get<T>(store: StoreName, key: string): Promise<T | undefined> {
    return request(this.tx(store, "readonly").get(key) as IDBRequest<T | undefined>);
  }

  all<T>(store: StoreName): Promise<T[]> {
    return request(this.tx(store, "readonly").getAll() as IDBRequest<T[]>);
  }

  put(store: StoreName, value: object): Promise<unknown> {
    return request(this.tx(store, "readwrite").put(value));
  }

  delete(store: StoreName, key: string): Promise<unknown> {
    return request(this.tx(store, "readwrite").delete(key));
  }

  /** Moves a queued submission to the answered ones in one transaction. */
  answered(sent: Sent): Promise<void> {
    const t = this.db.transaction(["queue", "sent"], "readwrite");
    t.objectStore("queue").delete(sent.clientId);
    t.objectStore("sent").put(sent);
    return new Promise((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
  }

  /** Queues a draft's submission and removes the draft in one transaction. */
  queue(q: Queued, draftKey: string): Promise<void> {
    const t = this.db.transaction(["queue", "drafts"], "readwrite");
    t.objectStore("queue").put(q);
    t.objectStore("drafts").delete(draftKey);
    return new Promise((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
  }
}

/** A new id for a submission, made on the phone (random UUID v4, also on old browsers). */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && c.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
