// Cache and database settings, read from the environment with defaults.
function nonNegativeInt(name, raw) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env = process.env) {
  const config = {
    stateDir: env.CACHE_STATE_DIR ?? '.state',
    ttlMs: nonNegativeInt('CACHE_TTL_MS', env.CACHE_TTL_MS ?? '30000'),
    maxEntries: nonNegativeInt('CACHE_MAX_ENTRIES', env.CACHE_MAX_ENTRIES ?? '100'),
    dbLatencyMs: nonNegativeInt('CACHE_DB_LATENCY_MS', env.CACHE_DB_LATENCY_MS ?? '40'),
  };
  if (config.maxEntries < 1) throw new Error('CACHE_MAX_ENTRIES must be at least 1');
  return config;
}
