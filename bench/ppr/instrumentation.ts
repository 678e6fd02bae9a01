// The bare page has no start-up work; this also keeps Next.js from using the site's instrumentation.ts.
export function register() {}
