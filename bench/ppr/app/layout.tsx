/** The bare baseline layout, in an app built with Partial Prerendering (bench/ppr/next.config.mjs). */
export const metadata = { title: "Baseline" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
