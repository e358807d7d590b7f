// Behavioural checks for the orchestrated order saga.
// Run with: node test/saga.check.mjs   (exits non-zero on the first failure)
import assert from 'node:assert/strict';
import { rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseFault } from '../src/config.mjs';
import { TransientError } from '../src/errors.mjs';
import { SagaLog, SagaOrchestrator } from '../src/orchestrator.mjs';
import { orderSagaSteps } from '../src/order-saga.mjs';
import { createParticipants } from '../src/participants.mjs';

const root = join('.state', `check-${process.pid}`);
let n = 0;
function world(options = {}) {
  const dir = join(root, String(++n));
  const participants = createParticipants(dir);
  participants.seed();
  const log = new SagaLog(dir);
  const make = (extra = {}) => new SagaOrchestrator({
    steps: orderSagaSteps(participants), log, maxRetries: 2, retryDelayMs: 1, ...options, ...extra,
  });
  return { participants, log, make };
}
const order = { customer: 'alice', sku: 'widget', qty: 3, amount: 30 };

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

check('happy path completes every step and approves the order', async () => {
  const { participants, make } = world();
  const saga = await make().start('s1', order);
  assert.equal(saga.status, 'COMPLETED');
  assert.deepEqual(saga.completed, ['create-order', 'reserve-inventory', 'charge-payment', 'schedule-shipping']);
  const d = participants.snapshot();
  assert.equal(d.orders.s1.status, 'APPROVED');
  assert.equal(d.inventory.stock.widget, 7);
  assert.equal(d.payments.balances.alice, 70);
  assert.ok(d.shipping.shipments.s1);
});

check('a failure in the last step compensates earlier steps in reverse order', async () => {
  const { participants, make } = world({ fault: parseFault('schedule-shipping') });
  const saga = await make().start('s2', order);
  assert.equal(saga.status, 'ABORTED');
  assert.deepEqual(saga.compensated, ['charge-payment', 'reserve-inventory', 'create-order']);
  const d = participants.snapshot();
  assert.equal(d.orders.s2.status, 'REJECTED');
  assert.equal(d.inventory.stock.widget, 10, 'reservation released');
  assert.equal(d.payments.balances.alice, 100, 'charge refunded');
  assert.equal(d.shipping.shipments.s2, undefined);
});

check('a business rejection is not retried and only completed steps are undone', async () => {
  const { participants, make } = world();
  const events = [];
  const saga = await make({ onEvent: (e) => events.push(e) }).start('s3', { customer: 'bob', sku: 'gadget', qty: 1, amount: 50 });
  assert.equal(saga.status, 'ABORTED');
  assert.match(saga.failure.error, /insufficient funds/);
  assert.deepEqual(saga.compensated, ['reserve-inventory', 'create-order']);
  assert.equal(events.filter((e) => e.type === 'retry').length, 0);
  assert.equal(participants.snapshot().inventory.stock.gadget, 2);
});

check('a transient fault is retried and the saga still completes', async () => {
  const { make } = world({ fault: parseFault('charge-payment:transient') });
  const events = [];
  const saga = await make({ onEvent: (e) => events.push(e) }).start('s4', order);
  assert.equal(saga.status, 'COMPLETED');
  assert.equal(events.filter((e) => e.type === 'retry').length, 1);
});

check('with zero retries a transient fault aborts the saga', async () => {
  const { make } = world({ fault: parseFault('charge-payment:transient'), maxRetries: 0 });
  const saga = await make().start('s5', order);
  assert.equal(saga.status, 'ABORTED');
  assert.equal(saga.failure.step, 'charge-payment');
});

check('after a crash, resume finishes the saga without repeating side effects', async () => {
  const { participants, log, make } = world();
  const crashing = make({ afterStepLogged: (step) => { if (step === 'charge-payment') throw new Error('power loss'); } });
  await assert.rejects(crashing.start('s6', order), /power loss/);
  assert.equal(log.get('s6').status, 'RUNNING');
  const saga = await make().resume('s6');
  assert.equal(saga.status, 'COMPLETED');
  const d = participants.snapshot();
  assert.equal(d.payments.balances.alice, 70, 'charged exactly once');
  assert.equal(d.inventory.stock.widget, 7, 'reserved exactly once');
});

check('a step that ran but was never logged is re-sent safely on resume', async () => {
  const { participants, make } = world();
  const crashing = make({ afterStepLogged: (step) => { if (step === 'reserve-inventory') throw new Error('power loss'); } });
  await assert.rejects(crashing.start('s9', order), /power loss/);
  // The payment request reached the payment service, but the orchestrator died before logging it.
  participants.payments.charge('s9', order);
  const saga = await make().resume('s9');
  assert.equal(saga.status, 'COMPLETED');
  assert.equal(participants.snapshot().payments.balances.alice, 70, 'the repeated charge was a no-op');
});

check('starting the same saga id twice is idempotent', async () => {
  const { participants, make } = world();
  await make().start('s7', order);
  const again = await make().start('s7', order);
  assert.equal(again.status, 'COMPLETED');
  assert.equal(participants.snapshot().payments.balances.alice, 70);
});

check('a failing compensation is retried, then parked as COMPENSATION_FAILED', async () => {
  const { participants, make } = world({ fault: parseFault('schedule-shipping') });
  const steps = orderSagaSteps(participants);
  let refundCalls = 0;
  steps[2] = { ...steps[2], compensate: () => { refundCalls += 1; throw new TransientError('payment API down'); } };
  const saga = await make({ steps }).start('s8', order);
  assert.equal(saga.status, 'COMPENSATION_FAILED');
  assert.equal(refundCalls, 3, 'first call plus two retries');
});

check('configuration defaults and validation', () => {
  assert.deepEqual(loadConfig({}), { stateDir: '.state', fault: null, maxRetries: 2 });
  assert.deepEqual(loadConfig({ SAGA_FAIL_STEP: 'reserve-inventory' }).fault, { step: 'reserve-inventory', kind: 'permanent' });
  assert.throws(() => loadConfig({ SAGA_FAIL_STEP: 'teleport' }), /SAGA_FAIL_STEP/);
  assert.throws(() => loadConfig({ SAGA_MAX_RETRIES: '-1' }), /SAGA_MAX_RETRIES/);
});

let failures = 0;
try {
  for (const { name, fn } of checks) {
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (err) {
      failures += 1;
      console.log(`not ok - ${name}\n  ${err.message.split('\n').join('\n  ')}`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
  try { rmdirSync('.state'); } catch { /* not empty: earlier steps still use it */ }
}
console.log(`${checks.length - failures}/${checks.length} checks passed`);
process.exitCode = failures === 0 ? 0 : 1;
