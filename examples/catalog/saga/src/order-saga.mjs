// The saga definition: an ordered list of local transactions, each with the
// compensating transaction that semantically undoes it. The last step is the
// pivot: once shipping is scheduled the saga can only complete, so it needs
// no compensation.
export function orderSagaSteps(participants) {
  const { orders, inventory, payments, shipping } = participants;
  return [
    {
      name: 'create-order',
      action: (id, input) => orders.create(id, input),
      compensate: (id, _input, reason) => orders.reject(id, reason),
    },
    {
      name: 'reserve-inventory',
      action: (id, input) => inventory.reserve(id, input),
      compensate: (id) => inventory.release(id),
    },
    {
      name: 'charge-payment',
      action: (id, input) => payments.charge(id, input),
      compensate: (id) => payments.refund(id),
    },
    {
      name: 'schedule-shipping',
      action: async (id, input) => {
        const shipment = shipping.schedule(id, input);
        orders.approve(id);
        return shipment;
      },
      compensate: null,
    },
  ];
}
