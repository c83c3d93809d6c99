// 工单时限: the limits of hotline work orders (12345 / 12393) — 签收 within so many working hours,
// 办理 within so many working days or the same day — counted in office time on working days of the
// Chinese calendar, stopped while the order is suspended (挂起), moved by an accepted 延期, and
// shown as ok, yellow (warning) or red (overdue). Pure: no I/O; the limits and office hours come
// from the regional settings.
export { dueAt, type Extension, limitMinutes, type Pause, type TimeLimit } from "./due-at";
export {
  defaultWarning,
  formatRemaining,
  type LimitState,
  limitState,
  type Remaining,
  remaining,
} from "./limit-state";
export {
  addOfficeMinutes,
  closeOfOffice,
  type OfficeHours,
  officeDayMinutes,
  officeMinutesBetween,
} from "./office-time";
export {
  handlingLimit,
  officeHoursOf,
  signDueWithin,
  signForLimit,
  warningFor,
} from "./settings";
