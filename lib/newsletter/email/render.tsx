/** The brief's HTML, rendered once per issue with React Email. */
import { render } from "@react-email/components";
import { BriefEmail } from "./BriefEmail";
import type { Brief } from "../brief";

export function renderBriefHtml(brief: Brief): Promise<string> {
  return render(<BriefEmail brief={brief} />);
}
