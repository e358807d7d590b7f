// Facade settings, read from the environment with defaults.
export function loadConfig(env = process.env) {
  const fallback = env.STRANGLER_FALLBACK_TO_LEGACY ?? 'true';
  if (!['true', 'false'].includes(fallback)) {
    throw new Error(`STRANGLER_FALLBACK_TO_LEGACY must be true or false, got "${fallback}"`);
  }
  const timeoutMs = Number(env.STRANGLER_UPSTREAM_TIMEOUT_MS ?? '1000');
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new Error(`STRANGLER_UPSTREAM_TIMEOUT_MS must be a positive integer, got "${env.STRANGLER_UPSTREAM_TIMEOUT_MS}"`);
  }
  return {
    routesFile: env.STRANGLER_ROUTES_FILE ?? 'config/routes.json',
    fallbackToLegacy: fallback === 'true',
    timeoutMs,
    mismatchLog: env.STRANGLER_MISMATCH_LOG ?? '.state/mismatches.jsonl',
  };
}
