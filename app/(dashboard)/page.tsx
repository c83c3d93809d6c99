import type { Metadata } from "next";
import { serverCaller } from "../_trpc/server";
import { HomeView } from "./home-view";

export const metadata: Metadata = { title: "工作台" };

export default async function HomePage() {
  const caller = await serverCaller();
  const [me, overview] = await Promise.all([caller.viewer.me(), caller.viewer.overview()]);
  return <HomeView me={me} overview={overview} />;
}
