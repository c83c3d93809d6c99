import type { Metadata } from "next";
import { RegionReviews } from "./_components/region-reviews";

export const metadata: Metadata = { title: "参保地核查" };

export default function RegionReviewsPage() {
  return <RegionReviews />;
}
