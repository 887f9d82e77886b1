// The two sockets of a relayed connection and the flow between them. Backpressure: when one side
// cannot take more (write() returns false) the other side is paused until 'drain', so memory stays
// bounded whatever the peers do. Other pauses (connecting, an upgrade waiting for its answer) are
// named holds: a socket resumes only when no hold remains.
// Faults are relayed as faults: a side that closes with an error (a TCP reset, RFC 9293 §3.5.2, or
// any other socket error) gets its partner reset too, never a clean FIN that would read as a
// normal end of stream.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Peer } from '../../../shared/model';
import { settleAll } from './relay-pump';

export interface SocketEvents {
  clientData(chunk: Uint8Array): void;
  upstreamData(chunk: Uint8Array): void;
  clientEnded(): void;
  upstreamEnded(): void;
  error(side: Peer, err: NodeJS.ErrnoException): void;
  closed(): void;
}

/** How long a client that got an error answer may keep the socket before it is destroyed. */
const LINGER_MS = 5000;

export class SessionSockets {
  upstream: Socket | null = null;
  private readonly holds: Record<Peer, Set<string>> = { client: new Set(), server: new Set() };
  private readonly endedSides = new Set<Peer>();
  private clientClosed = false;
  private upstreamClosed = false;
  private done = false;
  private idleWaiters: Array<{ check: () => boolean; resolve: () => void }> = [];
  private detachUpstream: (() => void) | null = null;

  constructor(
    readonly client: Socket,
    private readonly ev: SocketEvents,
  ) {
    client.setNoDelay(true);
    client.on('data', (chunk: Buffer) => ev.clientData(chunk));
    client.on('end', () =>
      confirmEnd(client, () => {
        this.endedSides.add('client');
        settleAll();
        ev.clientEnded();
      }),
    );
    client.on('error', (err) => {
      settleAll();
      ev.error('client', err);
    });
    client.on('drain', () => this.release('server', 'backpressure'));
    client.on('close', (hadError) => {
      this.clientClosed = true;
      if (this.upstream !== null && !this.upstreamClosed) closeAfter(this.upstream, hadError);
      this.maybeClosed();
    });
  }

  get closed(): boolean {
    return this.done;
  }

  /** True once that peer has ended its side (no more bytes will come from it). */
  ended(side: Peer): boolean {
    return this.endedSides.has(side);
  }

  attachUpstream(socket: Socket): void {
    this.upstream = socket;
    this.upstreamClosed = false;
    this.endedSides.delete('server');
    const onData = (chunk: Buffer): void => {
      this.ev.upstreamData(chunk);
      this.checkIdle();
    };
    const onEnd = (): void =>
      confirmEnd(socket, () => {
        if (this.upstream !== socket) return; // retired meanwhile
        this.endedSides.add('server');
        settleAll();
        this.ev.upstreamEnded();
        this.checkIdle();
      });
    const onError = (err: NodeJS.ErrnoException): void => {
      settleAll();
      this.ev.error('server', err);
    };
    const onDrain = (): void => this.release('client', 'backpressure');
    const onClose = (hadError: boolean): void => {
      this.upstreamClosed = true;
      if (!this.clientClosed) closeAfter(this.client, hadError);
      this.maybeClosed();
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('drain', onDrain);
    socket.on('close', onClose);
    this.detachUpstream = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.off('drain', onDrain);
      socket.off('close', onClose);
      socket.on('error', () => {}); // a late error on a retired socket must not crash the process
    };
    if (this.holds.server.size > 0) socket.pause();
  }

  /** Retires the current upstream (a forward-proxy client moved to another origin). */
  dropUpstream(): void {
    const socket = this.upstream;
    if (socket === null) return;
    this.detachUpstream?.();
    this.detachUpstream = null;
    this.upstream = null;
    closeSoon(socket);
  }

  writeClient(bytes: Uint8Array, done?: (err?: Error | null) => void): void {
    if (!this.client.write(bytes, done)) this.hold('server', 'backpressure');
  }

  writeUpstream(bytes: Uint8Array, done?: (err?: Error | null) => void): void {
    const socket = this.upstream;
    if (socket === null) {
      done?.(new Error('no upstream connection'));
      return;
    }
    if (!socket.write(bytes, done)) this.hold('client', 'backpressure');
  }

  /** Pauses the socket of `side` for `reason` (the client for 'client', the upstream for 'server'). */
  hold(side: Peer, reason: string): void {
    this.holds[side].add(reason);
    const socket = side === 'client' ? this.client : this.upstream;
    socket?.pause();
  }

  release(side: Peer, reason: string): void {
    const holds = this.holds[side];
    if (!holds.delete(reason) || holds.size > 0) return;
    const socket = side === 'client' ? this.client : this.upstream;
    socket?.resume();
  }

  /** Resolves once `check()` holds, re-checked after each upstream event. */
  whenIdle(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push({ check, resolve }));
  }

  /** Half-close mirrored: the peer that ended its side gets its partner's write side ended. */
  mirrorEnd(side: Peer): void {
    if (side === 'client') {
      if (this.upstream !== null) this.upstream.end();
      else this.client.end();
    } else {
      this.client.end();
    }
  }

  /** Ends both sides, then destroys them once flushed. */
  endBoth(): void {
    closeSoon(this.client);
    if (this.upstream !== null) closeSoon(this.upstream);
  }

  destroyBoth(): void {
    this.client.destroy();
    this.upstream?.destroy();
  }

  /** Sends our own answer and closes; further client bytes are read and dropped meanwhile. */
  answerAndClose(bytes: Uint8Array): void {
    this.upstream?.destroy();
    this.holds.client.clear();
    this.client.resume();
    this.client.end(bytes);
    setTimeout(() => this.client.destroy(), LINGER_MS).unref();
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0) return;
    const ready = this.idleWaiters.filter((w) => w.check());
    this.idleWaiters = this.idleWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private maybeClosed(): void {
    if (this.done || !this.clientClosed || (this.upstream !== null && !this.upstreamClosed)) return;
    this.done = true;
    for (const w of this.idleWaiters.splice(0)) w.resolve();
    settleAll();
    this.ev.closed();
  }
}

/** The partner of a socket that closed: reset after an error, otherwise ended and destroyed once flushed. */
function closeAfter(socket: Socket, faulted: boolean): void {
  if (faulted) resetWhenFlushed(socket);
  else closeSoon(socket);
}

function closeSoon(socket: Socket): void {
  socket.end();
  if (socket.writableFinished) socket.destroy();
  else socket.once('finish', () => socket.destroy());
}

const EMPTY = new Uint8Array(0);

/**
 * Calls `ended` if the peer really ended its side with a FIN. libuv takes a hang-up that comes
 * with the last data for end of stream without reading the error, so a reset that follows data
 * at once surfaces as 'end'. A zero-byte write tells them apart: the kernel fails it with
 * ECONNRESET after a reset (the socket then closes with that error and its partner is reset) and
 * lets it pass after a FIN. Not possible once our side is ended, nor through TLS (no bare write).
 */
function confirmEnd(socket: Socket, ended: () => void): void {
  if (socket.writableEnded || socket.destroyed || (socket as TLSSocket).encrypted === true) {
    ended();
    return;
  }
  socket.write(EMPTY, (err) => {
    if (!err) ended();
  });
}

/**
 * Resets `socket` once the bytes already relayed into it are handed to the kernel (a reset drops
 * what is still queued, RFC 9293 §3.10.7.1), or after LINGER_MS if its peer stops reading.
 */
function resetWhenFlushed(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.writableLength === 0) {
    reset(socket);
    return;
  }
  const timer = setTimeout(() => reset(socket), LINGER_MS);
  timer.unref();
  const go = (): void => {
    clearTimeout(timer);
    reset(socket);
  };
  if (socket.writableEnded) socket.once('finish', go);
  else socket.write(EMPTY, go);
}

function reset(socket: Socket): void {
  if (socket.destroyed) return;
  try {
    socket.resetAndDestroy(); // SO_LINGER 0: the peer reads ECONNRESET, not end of stream
  } catch {
    // A TLS socket's handle is not a bare TCP handle (ERR_INVALID_HANDLE_TYPE): it can only close.
    socket.destroy();
  }
}
