import { Typography } from "antd";
import { shanghaiDay } from "@/server/rules/calendar-day";

// The 系统延迟 re-check date, flagged when it is today or already past (Beijing dates).
export function RecheckDate({ day }: { day: string }) {
  const today = shanghaiDay(new Date());
  const state = day < today ? "（已逾期）" : day === today ? "（今日）" : "";
  return (
    <Typography.Text type={day < today ? "danger" : undefined} strong={day === today}>
      {day}
      {state}
    </Typography.Text>
  );
}
