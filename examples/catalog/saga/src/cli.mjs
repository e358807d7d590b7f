#!/usr/bin/env node
// Command line entry point for the order saga example.
//   node src/cli.mjs seed
//   node src/cli.mjs start <sagaId> <customer> <sku> <qty> <amount> [--crash-after <step>]
//   node src/cli.mjs resume            (continues every unfinished saga)
//   node src/cli.mjs status [sagaId]
//   node src/cli.mjs balances
// Exit codes: 0 when the saga ends COMPLETED or ABORTED (both are consistent
// outcomes), 1 when a compensation failed and an operator must step in.
import { loadConfig } from './config.mjs';
import { SagaLog, SagaOrchestrator } from './orchestrator.mjs';
import { orderSagaSteps } from './order-saga.mjs';
import { createParticipants } from './participants.mjs';

const config = loadConfig();
const participants = createParticipants(config.stateDir);
const log = new SagaLog(config.stateDir);
const orchestrator = new SagaOrchestrator({
  steps: orderSagaSteps(participants),
  log,
  maxRetries: config.maxRetries,
  fault: config.fault,
  // Demo of a process crash: exit right after the given step was logged.
  afterStepLogged: (step) => {
    if (step !== crashAfter) return;
    console.log(`  simulated orchestrator crash after ${step}; run "resume" to continue`);
    process.exit(3);
  },
  onEvent: (e) => {
    if (e.type === 'retry') console.log(`  retry ${e.attempt}/${config.maxRetries} of ${e.step}: ${e.error}`);
    else console.log(`  ${e.type}${e.step ? ` ${e.step}` : ''}${e.detail ? ` (${e.detail})` : ''}`);
  },
});

const [command, ...args] = process.argv.slice(2);
const crashIndex = args.indexOf('--crash-after');
const crashAfter = crashIndex === -1 ? null : args.splice(crashIndex, 2)[1];
const summary = (s) => `${s.sagaId}: ${s.status}` +
  (s.failure ? ` after ${s.failure.step} failed: ${s.failure.error}` : '') +
  ` [done: ${s.completed.join(', ') || '-'}; undone: ${s.compensated.join(', ') || '-'}]`;

async function main() {
  switch (command) {
    case 'seed':
      participants.seed();
      console.log(`seeded ${participants.file}`);
      return 0;
    case 'start': {
      const [sagaId, customer, sku, qty, amount] = args;
      if (!sagaId || !customer || !sku || !qty || !amount) throw new Error('usage: start <sagaId> <customer> <sku> <qty> <amount>');
      console.log(`saga ${sagaId}`);
      const saga = await orchestrator.start(sagaId, { customer, sku, qty: Number(qty), amount: Number(amount) });
      console.log(summary(saga));
      return saga.status === 'COMPENSATION_FAILED' ? 1 : 0;
    }
    case 'resume': {
      let worst = 0;
      for (const s of Object.values(log.all()).filter((x) => ['RUNNING', 'COMPENSATING'].includes(x.status))) {
        const saga = await orchestrator.resume(s.sagaId);
        console.log(summary(saga));
        if (saga.status === 'COMPENSATION_FAILED') worst = 1;
      }
      return worst;
    }
    case 'status': {
      const sagas = Object.values(log.all()).filter((s) => !args[0] || s.sagaId === args[0]);
      for (const s of sagas) console.log(summary(s));
      return sagas.length > 0 || !args[0] ? 0 : 1;
    }
    case 'balances': {
      const d = participants.snapshot();
      console.log(`stock: ${JSON.stringify(d.inventory.stock)}`);
      console.log(`balances: ${JSON.stringify(d.payments.balances)}`);
      console.log(`orders: ${JSON.stringify(Object.fromEntries(Object.entries(d.orders).map(([k, o]) => [k, o.status])))}`);
      console.log(`shipments: ${Object.keys(d.shipping.shipments).join(', ') || '-'}`);
      return 0;
    }
    default:
      console.error('usage: node src/cli.mjs <seed|start|resume|status|balances> [...]');
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err.message);
  process.exitCode = 2;
}
