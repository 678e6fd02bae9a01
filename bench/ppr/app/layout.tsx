// The bare baseline's layout, in an app built with Partial Prerendering (bench/ppr/next.config.mjs).
export { default, metadata } from "../../baseline/app/layout";
