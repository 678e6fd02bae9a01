import Link from "next/link";
import { siteConfig } from "@/lib/config/site";
import { AppQrCode } from "./AppQrCode";
import { SignupFrame } from "./SignupFrame";
import { StoreBadges } from "./StoreBadges";

export function AppBlock() {
  return (
    <SignupFrame
      id="signup-app"
      title={`Get the ${siteConfig.name} app`}
      text="Stay updated with notifications for breaking news and our best stories"
    >
      <div className="flex items-end justify-between gap-4">
        <div className="flex flex-col gap-3">
          <Link href="/app" className="font-semibold underline underline-offset-2 hover:no-underline">
            Download here
          </Link>
          <StoreBadges />
        </div>
        <AppQrCode label={`QR code: a link to download the ${siteConfig.name} app`} />
      </div>
    </SignupFrame>
  );
}
