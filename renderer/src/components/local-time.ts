/** A stored UTC timestamp as people read it, in this computer's time zone: "Dec 6, 2026, 3:18 PM". */
export { localDay, localTime } from '../../../shared/domain/local-time';
