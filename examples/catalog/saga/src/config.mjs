// Settings for the saga example, read from the environment with defaults.
export const STEP_NAMES = ['create-order', 'reserve-inventory', 'charge-payment', 'schedule-shipping'];

/** SAGA_FAIL_STEP is "none", "<step>" (permanent business failure) or "<step>:transient". */
export function parseFault(raw) {
  if (raw === 'none' || raw === '') return null;
  const [step, kind = 'permanent'] = raw.split(':');
  if (!STEP_NAMES.includes(step) || !['permanent', 'transient'].includes(kind)) {
    throw new Error(`SAGA_FAIL_STEP must be none or one of ${STEP_NAMES.join(', ')} (optionally with :transient), got "${raw}"`);
  }
  return { step, kind };
}

export function loadConfig(env = process.env) {
  const maxRetries = Number(env.SAGA_MAX_RETRIES ?? '2');
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new Error(`SAGA_MAX_RETRIES must be a non-negative integer, got "${env.SAGA_MAX_RETRIES}"`);
  }
  return {
    stateDir: env.SAGA_STATE_DIR ?? '.state',
    fault: parseFault(env.SAGA_FAIL_STEP ?? 'none'),
    maxRetries,
  };
}
