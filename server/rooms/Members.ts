// Who is in a room: each client's name, seat and allowances, the keys that bring players back to
// their seats, the clients the White Cell removed, and each team's shared draft.
import type { Command } from '../../shared/index.js';
import { newSecretKey } from './codes.js';
import { TokenBucket, messageRate } from './rateLimit.js';
import type { Draft } from './sync.js';

export interface Member {
  name: string;
  seat: string;
  /** False while a dropped client may still reconnect. */
  connected: boolean;
  /** Every message: 10 a second, bursts of 20 (MESSAGE_RATE). */
  bucket: TokenBucket;
  /** Chat has its own, slower allowance: 1 a second, bursts of 5. */
  chatBucket: TokenBucket;
  /** The key that brings this member back to its seat after the reconnection window. */
  reclaimKey?: string;
  /** The address it joined from: a dropped member's place is kept for few members per address. */
  address: string;
}

/**
 * Dropped members of one address whose places are kept for their reconnection: enough for a
 * classroom's Wi-Fi blip, too few for one client to fill the room by dropping connections (the
 * others rejoin, a player with its reclaim key).
 */
export const MAX_HELD_PER_ADDRESS = 10;

export class Members {
  private readonly byId = new Map<string, Member>();
  /** Reclaim key → seat. */
  private readonly keys = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly drafts = new Map<string, Draft & { phase: string }>();
  private readonly rate = messageRate();

  /** Told whenever the reclaim keys change, so the room can journal them. */
  constructor(private readonly onKeysChanged: () => void = () => undefined) {}

  /** Reclaim key → seat, for the journal. */
  exportKeys(): Record<string, string> {
    return Object.fromEntries(this.keys);
  }

  /** The keys a restored room honours again. */
  importKeys(keys: Record<string, string>): void {
    for (const [key, seat] of Object.entries(keys)) this.keys.set(key, seat);
  }

  add(id: string, name: string, seat: string, address: string, now: number): Member {
    const member = {
      name,
      seat,
      address,
      connected: true,
      bucket: new TokenBucket(this.rate, 2 * this.rate, now),
      chatBucket: new TokenBucket(1, 5, now),
    };
    this.byId.set(id, member);
    return member;
  }

  get(id: string): Member | undefined {
    return this.byId.get(id);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  seatOf(id: string): string {
    return this.byId.get(id)?.seat ?? 'observer';
  }

  /** Whether someone other than `except` holds the seat (a dropped member still holds it). */
  held(seat: string, except: string): boolean {
    return [...this.byId].some(([id, m]) => id !== except && m.seat === seat);
  }

  /** Dropped members from `address` whose places are kept for their reconnection. */
  heldFrom(address: string): number {
    return [...this.byId.values()].filter((m) => !m.connected && m.address === address).length;
  }

  /** The member whose dropped connection keeps its place for a reconnection, if it does. */
  keepsPlace(id: string, consented: boolean): Member | undefined {
    const member = this.byId.get(id);
    if (!member || consented || this.wasRemoved(id)) return undefined;
    return this.heldFrom(member.address) < MAX_HELD_PER_ADDRESS ? member : undefined;
  }

  /** Seats with a member in them (connected or not). */
  seats(): Set<string> {
    return new Set([...this.byId.values()].map((m) => m.seat));
  }

  /** Everyone, for the Schema and for chat routing. */
  list(): { id: string; name: string; seat: string; connected: boolean }[] {
    return [...this.byId].map(([id, m]) => ({ id, name: m.name, seat: m.seat, connected: m.connected }));
  }

  /** A fresh key that brings its holder back to `seat`; it replaces the member's previous key. */
  issueKey(id: string, seat: string): string {
    this.revokeKey(id);
    const key = newSecretKey();
    this.keys.set(key, seat);
    const member = this.byId.get(id);
    if (member) member.reclaimKey = key;
    this.onKeysChanged();
    return key;
  }

  /** The dropped member still waiting to reconnect with this reclaim key, if any. */
  droppedHolderOf(key: string | undefined): string | undefined {
    if (!key) return undefined;
    return [...this.byId].find(([, m]) => !m.connected && m.reclaimKey === key)?.[0];
  }

  /** The seat a reclaim key brings back to; a key works once. */
  redeem(key: string | undefined): string | undefined {
    const seat = key ? this.keys.get(key) : undefined;
    if (key && seat) {
      this.keys.delete(key);
      this.onKeysChanged();
    }
    return seat;
  }

  /** The White Cell removed this client: no key back, no reconnection. */
  remove(id: string): void {
    this.revokeKey(id);
    this.removed.add(id);
  }

  wasRemoved(id: string): boolean {
    return this.removed.has(id);
  }

  setDraft(seat: string, command: Command, by: string, phase: string): void {
    this.drafts.set(seat, { command, by, phase });
  }

  clearDraft(seat: string): void {
    this.drafts.delete(seat);
  }

  /** Each team's draft for the current phase; drafts from earlier phases are dropped. */
  draftsFor(phase: string): Map<string, Draft> {
    for (const [seat, d] of this.drafts) if (d.phase !== phase) this.drafts.delete(seat);
    return new Map([...this.drafts].map(([seat, d]) => [seat, { command: d.command, by: d.by }]));
  }

  /** Forgets the member's key: it left its nation seat. */
  revokeKey(id: string): void {
    const key = this.byId.get(id)?.reclaimKey;
    if (key && this.keys.delete(key)) this.onKeysChanged();
  }
}
