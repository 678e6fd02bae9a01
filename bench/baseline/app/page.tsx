export default function Page() {
  return (
    <main>
      <h1>A headline of about the usual length for a news story</h1>
      <p>A paragraph of body text, server-rendered and prerendered, with no client components at all.</p>
    </main>
  );
}
