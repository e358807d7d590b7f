#!/usr/bin/env node
// Command line entry point for the transactional outbox example.
//   node src/cli.mjs place <customer> <amount> [--crash-before-commit]
//   node src/cli.mjs relay [--polls N | --watch] [--crash-after-publish]
//   node src/cli.mjs consume
//   node src/cli.mjs status
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from './config.mjs';
import { consumeAll } from './consumer.mjs';
import { placeOrder } from './orders.mjs';
import { pendingRows, relayOnce } from './relay.mjs';
import { FileBroker, JsonDatabase } from './store.mjs';

const config = loadConfig();
const db = new JsonDatabase(config.stateDir);
const broker = new FileBroker(config.stateDir);
const [command, ...args] = process.argv.slice(2);

function option(name, fallback) {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
}

async function main() {
  switch (command) {
    case 'place': {
      const [customer, amount] = args;
      const crash = args.includes('--crash-before-commit');
      try {
        const { order, event } = placeOrder(db, { customer, amount: Number(amount) }, {
          beforeCommit: crash ? () => { throw new Error('simulated crash before commit'); } : undefined,
        });
        console.log(`committed ${order.id} (${customer}, ${amount}) with outbox event #${event.seq} ${event.type}`);
        return 0;
      } catch (err) {
        console.error(`rolled back: ${err.message}`);
        return 1;
      }
    }
    case 'relay': {
      // --watch polls until SIGTERM/SIGINT; the current poll always finishes first.
      const polls = args.includes('--watch') ? Infinity : Number(option('--polls', '1'));
      const crash = args.includes('--crash-after-publish');
      let stopping = false;
      for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => { stopping = true; });
      for (let poll = 1; poll <= polls && !stopping; poll += 1) {
        const result = await relayOnce({
          db,
          broker,
          batchSize: config.batchSize,
          afterPublish: crash ? (row) => {
            console.error(`simulated relay crash after publishing #${row.seq} (row not marked)`);
            process.exit(3);
          } : undefined,
        });
        console.log(`poll ${poll}: published ${result.published}, remaining ${result.remaining}` +
          (result.failed ? `, failed at #${result.failed.seq}: ${result.failed.error}` : ''));
        if (poll < polls && !stopping) await sleep(config.pollIntervalMs);
      }
      return 0;
    }
    case 'consume': {
      const result = consumeAll({ broker, stateDir: config.stateDir });
      console.log(`applied ${result.applied} event(s), skipped ${result.duplicates} duplicate(s)`);
      console.log(`revenue by customer: ${JSON.stringify(result.revenueByCustomer)}`);
      return 0;
    }
    case 'status': {
      const snapshot = db.read();
      console.log(`orders: ${snapshot.orders.length}`);
      console.log(`outbox rows: ${snapshot.outbox.length} (pending ${pendingRows(db).length})`);
      console.log(`broker messages: ${broker.readAll().length}`);
      return 0;
    }
    default:
      console.error('usage: node src/cli.mjs <place|relay|consume|status> [...]');
      return 2;
  }
}

process.exitCode = await main();
