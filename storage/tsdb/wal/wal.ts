import { mkdirSync, readdirSync, rmSync, truncateSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { EngineLogger } from "../engine-logger.ts";
import { fsyncDir } from "../fsync-dir.ts";
import { frameHeader, scanFrames, WAL_MAGIC } from "./wal-frame.ts";

interface Waiter {
  seq: number;
  sync: boolean;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const FILE_PATTERN = /^(\d{16})\.wal$/;

/**
 * Append-only log split into numbered files. Appends are group-committed: while one write+fsync is
 * in flight, later appends queue up and share the next one, so concurrent writers pay one fsync.
 */
export class Wal {
  private fh: FileHandle | undefined;
  private fileId = 0;
  private fileBytes = 0;
  private queue: Uint8Array[] = [];
  private waiters: Waiter[] = [];
  private draining: Promise<void> | undefined;
  /** The group of frames being written and synced, if any: what a rotation waits for. */
  private writing: Promise<void> | undefined;
  /** Set while a rotation swaps files; appends queue up behind it. */
  private rotating: Promise<void> | undefined;
  /** Highest record seq in each file, so a flush knows which files it has made redundant. */
  private readonly maxSeqOf = new Map<number, number>();
  /** Bytes in all live WAL files, for metrics. */
  totalBytes = 0;

  constructor(
    private readonly dir: string,
    private readonly logger: EngineLogger,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  fileIds(): number[] {
    return readdirSync(this.dir)
      .map((n) => FILE_PATTERN.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  private path(id: number): string {
    return join(this.dir, `${String(id).padStart(16, "0")}.wal`);
  }

  /**
   * Reads every record of every file in order. A torn or corrupt tail is cut off (the file is
   * truncated to its last whole frame) and logged; it is never fatal.
   */
  async replay(onPayload: (payload: Uint8Array) => number): Promise<void> {
    for (const id of this.fileIds()) {
      const path = this.path(id);
      const bytes = await Bun.file(path).bytes();
      const scan = scanFrames(bytes);
      if (scan.tornReason) {
        this.logger.warn({ file: path, reason: scan.tornReason, keptBytes: scan.validLength, droppedBytes: bytes.length - scan.validLength }, "truncating torn WAL tail");
        if (scan.validLength === 0) {
          rmSync(path);
          continue;
        }
        truncateSync(path, scan.validLength);
      }
      this.totalBytes += scan.validLength;
      let maxSeq = 0;
      for (const p of scan.payloads) maxSeq = Math.max(maxSeq, onPayload(p));
      this.maxSeqOf.set(id, maxSeq);
    }
  }

  /** Starts a fresh file after the existing ones; returns the id of the last file before it (0 if none). */
  async rotate(): Promise<number> {
    while (this.rotating) await this.rotating;
    let finished!: () => void;
    this.rotating = new Promise<void>((r) => (finished = r));
    try {
      // Only the group in flight is waited for: under steady writes the queue is never empty, and
      // waiting for it to drain held a flush back for seconds while the buffer kept growing.
      await this.writing;
      const ids = this.fileIds();
      const previous = ids.length ? ids[ids.length - 1] : 0;
      if (this.fh) await this.fh.close();
      this.fileId = previous + 1;
      this.fh = await open(this.path(this.fileId), "wx");
      this.maxSeqOf.set(this.fileId, 0);
      await this.fh.write(WAL_MAGIC);
      await this.fh.sync();
      fsyncDir(this.dir);
      this.fileBytes = WAL_MAGIC.length;
      this.totalBytes += WAL_MAGIC.length;
      return previous;
    } finally {
      this.rotating = undefined;
      finished();
    }
  }

  /** Deletes the closed files whose records all have seq <= `seq`: those are in durable segments now. */
  removeThrough(seq: number): void {
    for (const f of this.fileIds()) {
      if (f === this.fileId || (this.maxSeqOf.get(f) ?? Infinity) > seq) continue;
      this.maxSeqOf.delete(f);
      const path = this.path(f);
      this.totalBytes -= Bun.file(path).size;
      rmSync(path);
    }
  }

  get currentFileBytes(): number {
    return this.fileBytes;
  }

  /** Resolves once the record is written, and when `sync`, once it is on stable storage. */
  append(payload: Uint8Array, seq: number, sync: boolean): Promise<void> {
    const header = frameHeader(payload);
    return new Promise<void>((resolve, reject) => {
      this.queue.push(header, payload);
      this.waiters.push({ seq, sync, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      while (this.rotating) await this.rotating;
      const frames = this.queue;
      const waiters = this.waiters;
      this.queue = [];
      this.waiters = [];
      this.writing = this.writeGroup(frames, waiters);
      await this.writing;
      this.writing = undefined;
    }
    this.draining = undefined;
  }

  /** Writes one group of frames, syncs if any waiter asked for it, and settles the waiters. */
  private async writeGroup(frames: Uint8Array[], waiters: Waiter[]): Promise<void> {
    try {
      if (!this.fh) throw new Error("WAL is not open");
      const total = frames.reduce((n, f) => n + f.length, 0);
      const { bytesWritten } = await this.fh.writev(frames);
      if (bytesWritten < total) {
        // A short vectored write is rare; finish it with plain writes of what is left.
        const rest = Buffer.concat(frames).subarray(bytesWritten);
        for (let off = 0; off < rest.length; ) off += (await this.fh.write(rest, off)).bytesWritten;
      }
      this.fileBytes += total;
      this.totalBytes += total;
      const id = this.fileId;
      this.maxSeqOf.set(id, Math.max(this.maxSeqOf.get(id) ?? 0, ...waiters.map((w) => w.seq)));
      if (waiters.some((w) => w.sync)) await this.fh.datasync();
      for (const w of waiters) w.resolve();
    } catch (e) {
      for (const w of waiters) w.reject(e);
    }
  }

  async close(): Promise<void> {
    while (this.draining || this.rotating) await (this.draining ?? this.rotating);
    if (this.fh) {
      await this.fh.sync();
      await this.fh.close();
      this.fh = undefined;
    }
  }
}
