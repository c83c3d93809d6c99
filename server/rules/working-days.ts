// Working days in Asia/Shanghai with the statutory holidays and 调休 weekend days; the
// implementation sits in db/working-days.ts so the demo seed can share it.
export {
  addWorkingDays,
  addWorkingDaysToDate,
  type CalendarDate,
  isWorkingDay,
  LAST_CALENDAR_YEAR,
  shanghaiDate,
  workingDaysBetween,
} from "@/db/working-days";
