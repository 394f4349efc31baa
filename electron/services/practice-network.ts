/**
 * What a door gives the services so the Settings page can share the practice and connect this desk
 * to a practice server (issue 16). The services stay free of sockets and Electron: the desktop app
 * and browser mode implement this (electron/host/practice-network-door.ts) and set it on the
 * context; the sharing:* and desk:* handlers only check the rules (an owner, accounts on) and ask it.
 */
import type { DeskStatus, SharingStatus } from '../../shared/api/practice-network-channels';

export type PracticeNetwork = {
  sharingStatus: () => Omit<SharingStatus, 'accountsOn' | 'available'>;
  /** Start (or move to `port`) or stop the practice server of this desk; remembered for the next start. */
  setSharing: (on: boolean, port: number) => Promise<void>;
  deskStatus: () => Omit<DeskStatus, 'available'>;
  /** The certificate a server presents, read without sending anything. */
  peek: (address: string) => Promise<{ url: string; fingerprint: string }>;
  /** Pin the server if it presents `fingerprint`, and send every call there from now on. */
  connect: (address: string, fingerprint: string) => Promise<void>;
  disconnect: () => Promise<void>;
};
