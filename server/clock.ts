// The instant a request works with when it computes business dates: the filing time, due and
// re-check dates, "today" for the re-check queue, the date on a member's notice. Read once per
// call from the request context and handed to the domain as `now`, so tests can fix it (see
// server/testing/clock.ts). Session limits keep to the real time: they guard accounts, not
// dates the agency counts.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
