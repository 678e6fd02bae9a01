/** The yardstick: the barest App Router page, built with the same Next.js and React as the site. */
export const metadata = { title: "Baseline" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
